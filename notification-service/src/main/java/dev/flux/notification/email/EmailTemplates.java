package dev.flux.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain-text and HTML templates of each {@link EmailKind}: {@code {{name}}} is
 * replaced by a value (HTML-escaped in the HTML part); the first line of the text
 * template is {@code Subject: ...}. A template naming a value it is not given fails, so a
 * broken template never reaches anyone.
 */
@Component
class EmailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

	private final Map<EmailKind, String[]> templates = new EnumMap<>(EmailKind.class);

	EmailTemplates() {
		for (EmailKind kind : EmailKind.values()) {
			String text = load(kind.template() + ".txt");
			if (!text.startsWith("Subject: ")) {
				throw new IllegalStateException("The text template of " + kind + " must start with 'Subject: '");
			}
			int end = text.indexOf('\n');
			this.templates.put(kind, new String[] { text.substring("Subject: ".length(), end).strip(),
					text.substring(end + 1).stripLeading(), load(kind.template() + ".html") });
		}
	}

	RenderedEmail render(EmailKind kind, Map<String, String> values) {
		String[] template = this.templates.get(kind);
		return new RenderedEmail(fill(template[0], values, false), fill(template[1], values, false),
				fill(template[2], values, true));
	}

	private static String fill(String template, Map<String, String> values, boolean html) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("No value for {{" + matcher.group(1) + "}}");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String load(String name) {
		try (InputStream in = EmailTemplates.class.getResourceAsStream("templates/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing email template " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
