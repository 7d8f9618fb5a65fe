package dev.flux.chat.reaction;

import java.util.regex.Pattern;

import dev.flux.chat.refusal.Refusal;

/**
 * What a reaction may be: one unicode emoji (a sequence: skin tones, ZWJ families, flags
 * and keycaps included, as Java's Unicode emoji properties know them), or a custom
 * emoji's {@code :name:}.
 */
final class Emoji {

	private static final Pattern NAMED = Pattern.compile(":[A-Za-z0-9_]{2,32}:");

	private static final int ZWJ = 0x200D;

	private static final int KEYCAP = 0x20E3;

	private Emoji() {
	}

	/**
	 * @throws Refusal 400 when {@code text} is neither
	 */
	static String check(String text) {
		if (NAMED.matcher(text).matches() || isUnicodeEmoji(text)) {
			return text;
		}
		throw Refusal.invalid("emoji", "must be a unicode emoji or a :name: of 2 to 32 letters, digits or _");
	}

	private static boolean isUnicodeEmoji(String text) {
		if (text.isEmpty() || text.length() > 64) {
			return false;
		}
		boolean pictographic = false;
		for (int cp : text.codePoints().toArray()) {
			boolean part = Character.isEmoji(cp) || Character.isEmojiComponent(cp) || cp == ZWJ || cp == 0xFE0F
					|| (cp >= 0xE0020 && cp <= 0xE007F);
			if (!part) {
				return false;
			}
			pictographic |= Character.isExtendedPictographic(cp) || Character.isEmojiPresentation(cp) || cp == KEYCAP;
		}
		return pictographic;
	}

}
