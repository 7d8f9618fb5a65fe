package dev.flux.testsupport.boundaries.alpha;

/** The alpha feature's API. */
public class Alpha {

}
