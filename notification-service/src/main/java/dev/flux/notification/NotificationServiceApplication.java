package dev.flux.notification;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification-service: email, the in-app notification inbox and the realtime
 * WebSocket gateway.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

	private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		// Tomcat's WebSocket frame and send buffers are this size per socket (default 8
		// KB);
		// the gateway holds many sockets carrying small frames. Read once, before Tomcat
		// starts, so it is set here; -D on the command line still wins.
		if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
			System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "4096");
		}
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
