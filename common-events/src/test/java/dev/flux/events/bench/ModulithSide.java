package dev.flux.events.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.rabbit.core.RabbitMessagingTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.messaging.MessageHeaders;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import dev.flux.events.topology.FluxTopology;

/**
 * Spring Modulith beside Flux in {@code ./flux bench events}: its JDBC event publication
 * registry (spring-modulith-starter-jdbc) in the default {@code module-listener} mode,
 * externalizing each event to RabbitMQ after its transaction commits.
 * spring-modulith-events-amqp does not resolve from Maven Central (2.0.3 to 2.1.1), so
 * the externalizer that module's auto-configuration registers is registered here the same
 * way: core's module listener with a transport sending through a {@link RabbitTemplate},
 * without publisher confirms, as that module does in this mode.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ModulithSide {

	/**
	 * An event whose externalized form is a Flux envelope, so both sides send the same
	 * bytes.
	 */
	record Published(byte[] envelope) {

	}

	/**
	 * A context of its own on the sample database and the same broker, without Flux's
	 * runtime.
	 */
	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ModulithSide.class).run("--spring.main.web-application-type=none",
				"--logging.level.root=WARN", "--spring.modulith.events.jdbc.schema-initialization.enabled=true",
				"--spring.autoconfigure.exclude=dev.flux.events.autoconfigure.FluxEventsAutoConfiguration");
	}

	@Bean
	EventExternalizationConfiguration eventExternalizationConfiguration() {
		return EventExternalizationConfiguration.externalizing()
			.selectByType(Published.class)
			.mapping(Published.class, Published::envelope)
			.headers(Published.class, (event) -> Map.of(MessageHeaders.CONTENT_TYPE, "application/json"))
			.routeAll((event) -> RoutingTarget.forTarget(FluxTopology.EVENTS_EXCHANGE).andKey("sample.happened"))
			.build();
	}

	/**
	 * What spring-modulith-events-amqp 2.1.1 registers in {@code module-listener} mode.
	 */
	@Bean
	EventExternalizerModuleListener rabbitEventExternalizer(EventExternalizationConfiguration configuration,
			RabbitTemplate rabbit, BeanFactory factory) {
		RabbitMessagingTemplate operations = new RabbitMessagingTemplate(rabbit);
		StandardEvaluationContext context = new StandardEvaluationContext();
		context.setBeanResolver(new BeanFactoryResolver(factory));
		return new EventExternalizerModuleListener(configuration, (payload, target) -> {
			BrokerRouting routing = BrokerRouting.of(target, context);
			operations.convertAndSend(routing.getTarget(payload), routing.getKey(payload), payload,
					configuration.getHeadersFor(payload));
			return CompletableFuture.completedFuture(null);
		});
	}

}
