package dev.flux.console;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which services the page shows: their short names and where the console reaches them.
 */
@RestController
class ServicesController {

	private final ConsoleProperties properties;

	ServicesController(ConsoleProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/console/services")
	Map<String, String> services() {
		return AdminPassThrough.describe(this.properties);
	}

}
