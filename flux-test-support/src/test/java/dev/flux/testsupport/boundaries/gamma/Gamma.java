package dev.flux.testsupport.boundaries.gamma;

import dev.flux.testsupport.boundaries.alpha.Alpha;

/** Domain code of the gamma feature that uses alpha's API only. */
public class Gamma {

	public Alpha use() {
		return new Alpha();
	}

}
