package dev.flux.events.autoconfigure;

import javax.sql.DataSource;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.flux.events.admin.AdminConfiguration;
import dev.flux.events.consumer.ConsumerConfiguration;
import dev.flux.events.consumer.ConsumerProperties;
import dev.flux.events.consumer.InboxConfiguration;
import dev.flux.events.contract.EventCatalog;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.outbox.OutboxConfiguration;
import dev.flux.events.schema.FluxEventsSchema;
import dev.flux.events.topology.FluxTopology;
import dev.flux.events.topology.ServiceIdentity;
import dev.flux.events.tracing.CorrelationFilter;
import dev.flux.events.tracing.EventTraces;
import dev.flux.events.tracing.MicrometerEventTraces;
import dev.flux.events.web.EventProblems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a Flux service its event runtime: the messaging tables, the outbox and its relay,
 * the topology declared on the broker, and consumers for its {@code EventHandler} beans.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@EnableConfigurationProperties(FluxEventsProperties.class)
@Import({ OutboxConfiguration.class, ConsumerConfiguration.class, InboxConfiguration.class })
public class FluxEventsAutoConfiguration {

	/** The admin API, where Spring Security can guard it. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
	@Import(AdminConfiguration.class)
	static class AdminApi {

	}

	/**
	 * Spans for an event's append, publish and handling when the service traces
	 * (Micrometer Tracing with a tracer, as the OpenTelemetry bridge gives).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class Tracing {

		@Bean
		@ConditionalOnMissingBean
		EventTraces fluxEventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			Tracer current = tracer.getIfAvailable();
			Propagator format = propagator.getIfAvailable();
			return (current != null && format != null && current != Tracer.NOOP)
					? new MicrometerEventTraces(current, format) : EventTraces.NONE;
		}

	}

	@Bean
	@ConditionalOnMissingBean
	EventCatalog fluxEventCatalog() {
		return EventCatalog.standard();
	}

	@Bean
	@ConditionalOnMissingBean
	EventCodec fluxEventCodec(EventCatalog catalog) {
		return new EventCodec(JsonMapper.builder().build(), catalog);
	}

	@Bean
	ServiceIdentity fluxServiceIdentity(Environment environment, FluxEventsProperties properties) {
		return ServiceIdentity.of(environment.getRequiredProperty("spring.application.name"), properties.service());
	}

	@Bean
	@ConditionalOnMissingBean
	FluxTopology fluxTopology(ConsumerProperties consumer) {
		return FluxTopology.standard(consumer.retryTiers());
	}

	@Bean
	Declarables fluxTopologyDeclarables(FluxTopology topology, ServiceIdentity identity) {
		return topology.declarablesFor(identity.service());
	}

	@Bean
	FluxEventsSchema fluxEventsSchema(DataSource dataSource) {
		return new FluxEventsSchema(dataSource);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	EventProblems fluxEventProblems() {
		return new EventProblems();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<CorrelationFilter> fluxCorrelationFilter() {
		FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Publisher confirms and returns on the broker connection: nothing is marked sent on
	 * hope.
	 */
	@Bean
	static BeanPostProcessor fluxPublisherConfirms() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof CachingConnectionFactory factory) {
					factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
					factory.setPublisherReturns(true);
				}
				return bean;
			}
		};
	}

}
