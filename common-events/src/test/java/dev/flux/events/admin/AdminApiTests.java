package dev.flux.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup;

/** The operators' HTTP API: admin role only, problem details for every error. */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class AdminApiTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private ConnectionFactory connectionFactory;

	@Autowired
	private DeadLetters deadLetters;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void refusesAnonymousCallers() throws Exception {
		this.mvc.perform(get("/admin/dead-letters")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/admin/dead-letters/replay")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesCallersWithoutTheAdminRole() throws Exception {
		this.mvc.perform(get("/admin/outbox").with(user("member").roles("USER"))).andExpect(status().isForbidden());
		this.mvc.perform(delete("/admin/dead-letters/1").with(user("member").roles("USER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminListsShowsDiscardsAndReplaysDeadLetters() throws Exception {
		long discardId = deadLetter();
		long replayId = deadLetter();

		String list = this.mvc
			.perform(get("/admin/dead-letters").param("after", String.valueOf(discardId - 1)).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).contains((int) discardId, (int) replayId);
		this.mvc.perform(get("/admin/dead-letters/" + discardId).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorClass").value(org.hamcrest.Matchers.endsWith("MalformedEventException")))
			.andExpect(jsonPath("$.attempts").value(1));

		this.mvc.perform(delete("/admin/dead-letters/" + discardId).with(admin())).andExpect(status().isNoContent());
		this.mvc.perform(delete("/admin/dead-letters/" + discardId).with(admin()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/admin/dead-letters/" + replayId + "/replay").with(admin()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.replayed").value(1));
		assertThat(this.deadLetters.find(replayId))
			.hasValueSatisfying((letter) -> assertThat(letter.status()).isEqualTo("REPLAYED"));
		assertThat(this.deadLetters.find(discardId))
			.hasValueSatisfying((letter) -> assertThat(letter.status()).isEqualTo("DISCARDED"));
	}

	@Test
	void answersUnknownDeadLettersAndBadRequestsWithProblemDetails() throws Exception {
		this.mvc.perform(get("/admin/dead-letters/999999999").with(admin()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No dead letter 999999999"));
		this.mvc.perform(get("/admin/dead-letters").param("status", "SOMETIMES").with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/admin/outbox/replay").with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"user.service.queue\",\"fromEventId\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/admin/outbox/replay").with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"app.events\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anAdminSeesTheOutboxBacklog() throws Exception {
		this.mvc.perform(get("/admin/outbox").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pending").isNumber())
			.andExpect(jsonPath("$.failed").isNumber());
	}

	@Test
	void erasingSomeoneDiscardsTheirDeadLettersAndKeepsNothingPersonal() {
		String someone = UUID.randomUUID().toString();
		long theirs = deadLetter("""
				{"eventId":"%s","type":"sample.happened","version":99,"aggregateId":"%s",
				 "payload":{"note":"Ada Lovelace <ada@example.com>"}}""".formatted(UUID.randomUUID(), someone));
		long notTheirs = deadLetter();

		assertThat(this.deadLetters.erase(someone)).isEqualTo(1);

		assertThat(this.deadLetters.find(theirs)).hasValueSatisfying((letter) -> {
			assertThat(letter.status()).isEqualTo("DISCARDED");
			assertThat(letter.body()).doesNotContain("Ada").doesNotContain("ada@example.com").contains(someone);
			assertThat(letter.errorMessage()).isNull();
		});
		assertThat(this.deadLetters.replay(theirs)).as("an erased dead letter cannot be replayed").isFalse();
		assertThat(this.deadLetters.find(notTheirs))
			.hasValueSatisfying((letter) -> assertThat(letter.status()).isEqualTo("DEAD"));
	}

	private long deadLetter() {
		return deadLetter("not an event");
	}

	private long deadLetter(String body) {
		String messageId = UUID.randomUUID().toString();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId);
		new RabbitTemplate(this.connectionFactory).send(FluxTopology.EVENTS_EXCHANGE, "sample.happened",
				new Message(body.getBytes(StandardCharsets.UTF_8), properties));
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.deadLetters.list(null, 0, 10_000)
				.stream()
				.filter((letter) -> messageId.equals(letter.eventId()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow()
			.id();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("operator").roles("ADMIN");
	}

}
