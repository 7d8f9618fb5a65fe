package dev.flux.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The operator console: a page in the browser over the admin APIs of every service.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class OperatorConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(OperatorConsoleApplication.class, args);
	}

}
