package dev.flux.events.sample;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.flux.events.consumer.DeferredWrites;
import dev.flux.events.contract.EventCatalog;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;

/**
 * A service that produces and consumes {@code sample.*} events, with short retry tiers,
 * for the messaging runtime's tests.
 */
@SpringBootApplication
public class SampleServiceApplication {

	/** The retry delays of the sample queue. */
	public static final List<Duration> RETRY_TIERS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(3));

	/** The sample service's queue: four partitions, like every standard service's. */
	public static final ConsumerQueue QUEUE = new ConsumerQueue("sample", List.of("sample.*"), RETRY_TIERS);

	@Bean
	EventCatalog eventCatalog() {
		return EventCatalog.of(SampleHappened.class, OrphanHappened.class, SampleSecretIssued.class);
	}

	@Bean
	FluxTopology fluxTopology() {
		return FluxTopology.of(List.of(QUEUE));
	}

	/**
	 * Everything but the admin API (guarded by common-events) is open in the sample
	 * service.
	 */
	@Bean
	@Order(100)
	@ConditionalOnWebApplication
	SecurityFilterChain sampleSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	SampleEffects sampleEffects(DataSource dataSource, DeferredWrites writes) {
		return new SampleEffects(new JdbcTemplate(dataSource), writes);
	}

	@Bean
	SampleHandler sampleHandler(SampleEffects effects, Outbox outbox, CachingConnectionFactory broker,
			DataSource dataSource) {
		return new SampleHandler(effects, outbox, broker, new JdbcTemplate(dataSource));
	}

}
