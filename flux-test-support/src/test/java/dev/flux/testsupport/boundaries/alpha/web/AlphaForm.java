package dev.flux.testsupport.boundaries.alpha.web;

import dev.flux.testsupport.boundaries.alpha.Alpha;

/** Web code of the alpha feature, public only so that the fixture can misuse it. */
public class AlphaForm {

	public Alpha alpha() {
		return new Alpha();
	}

}
