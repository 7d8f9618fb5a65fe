package dev.flux.user.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Conditional requests (RFC 9110): the strong entity tag of a resource's version, the
 * {@code If-Match} check of writes and the {@code If-None-Match} check of reads.
 */
public final class EntityTag {

	private EntityTag() {
	}

	/** The quoted tag of a version, e.g. {@code "p7"}. */
	public static String of(String prefix, long version) {
		return "\"" + prefix + version + "\"";
	}

	/**
	 * Whether a write with this {@code If-Match} may change a resource whose tag is
	 * {@code current}: no header, {@code *}, or the current tag among those listed (weak
	 * tags never match: the comparison is strong).
	 */
	public static boolean ifMatchAllows(@Nullable String ifMatch, String current) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return true;
		}
		return listed(ifMatch).anyMatch((tag) -> tag.equals("*") || tag.equals(current));
	}

	/** Throws 412 unless {@link #ifMatchAllows} does. */
	public static void checkIfMatch(@Nullable String ifMatch, String current) {
		if (!ifMatchAllows(ifMatch, current)) {
			throw ApiProblem.preconditionFailed();
		}
	}

	/**
	 * Whether a read with this {@code If-None-Match} is answered 304: the current tag is
	 * listed (weak comparison) or the header is {@code *}.
	 */
	public static boolean notModified(@Nullable String ifNoneMatch, String current) {
		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		return listed(ifNoneMatch).anyMatch((tag) -> tag.equals("*") || weak(tag).equals(current));
	}

	private static java.util.stream.Stream<String> listed(String header) {
		return Arrays.stream(header.split(",")).map(String::trim).filter((tag) -> !tag.isEmpty());
	}

	private static String weak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
