package dev.flux.testsupport.boundaries.beta;

import dev.flux.testsupport.boundaries.alpha.web.AlphaForm;

/** Domain code of the beta feature that reaches into alpha's web package. */
public class Beta {

	public Object misuse() {
		return new AlphaForm();
	}

}
