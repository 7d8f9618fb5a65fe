package dev.flux.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup;

/** The live stream of app.events: operators only, every event's metadata, no payload. */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class LiveEventsTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private ConnectionFactory connectionFactory;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void isForOperatorsOnly() throws Exception {
		this.mvc.perform(get("/admin/events/stream")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/events/stream").with(user("member").roles("USER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void streamsEveryEventOnTheExchangeWithoutItsPayload() throws Exception {
		MvcResult stream = this.mvc.perform(get("/admin/events/stream").with(user("operator").roles("ADMIN")))
			.andExpect(request().asyncStarted())
			.andReturn();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stream.getResponse().getContentAsString().contains("subscribed"));
		UUID correlationId = UUID.randomUUID();
		String envelope = """
				{"eventId":"%s","type":"console.tested","version":1,"occurredAt":"2026-01-01T00:00:00Z",
				 "producer":"sample-service","aggregateId":"aggregate-7","aggregateVersion":3,
				 "correlationId":"%s","causationId":null,"payload":{"secret":"not for the console"}}
				""".formatted(UUID.randomUUID(), correlationId);

		new RabbitTemplate(this.connectionFactory).send(FluxTopology.EVENTS_EXCHANGE, "console.tested",
				new Message(envelope.getBytes(StandardCharsets.UTF_8), new MessageProperties()));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> stream.getResponse().getContentAsString().contains(correlationId.toString()));
		String received = stream.getResponse().getContentAsString();
		assertThat(received).contains("\"type\":\"console.tested\"")
			.contains("\"producer\":\"sample-service\"")
			.contains("\"aggregateId\":\"aggregate-7\"")
			.doesNotContain("not for the console");
	}

}
