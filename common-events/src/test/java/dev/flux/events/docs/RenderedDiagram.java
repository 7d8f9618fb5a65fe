package dev.flux.events.docs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tools/docs/render-diagrams.mjs stamps on an SVG it renders: the SHA-256 of the
 * Mermaid source, and the width at scale 1 (the viewBox).
 *
 * @param sourceHash the hash in {@code data-flux-source}, empty when there is none
 * @param width the width of the root element's viewBox, NaN when it has none
 */
record RenderedDiagram(String sourceHash, double width) {

	/** Widest a diagram may be to read on a laptop screen, as the render script says. */
	static final int MAX_WIDTH = 1600;

	private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");

	private static final Pattern SOURCE = Pattern.compile("data-flux-source=\"sha256:([0-9a-f]{64})\"");

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"([^\"]+)\"");

	static RenderedDiagram read(String svg) {
		Matcher root = ROOT.matcher(svg);
		String element = root.find() ? root.group() : "";
		Matcher source = SOURCE.matcher(element);
		Matcher viewBox = VIEW_BOX.matcher(element);
		double width = Double.NaN;
		if (viewBox.find()) {
			String[] box = viewBox.group(1).trim().split("[\\s,]+");
			width = (box.length == 4) ? Double.parseDouble(box[2]) : Double.NaN;
		}
		return new RenderedDiagram(source.find() ? source.group(1) : "", width);
	}

	/**
	 * The SHA-256 of a source with its line endings normalised, as the render script
	 * computes it.
	 */
	static String sourceHash(String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(source.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
