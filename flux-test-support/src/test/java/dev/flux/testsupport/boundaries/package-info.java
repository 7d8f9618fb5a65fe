/**
 * Fixture features for FeatureBoundariesTests: alpha, its web package, and two users of
 * it.
 */
@NullMarked
package dev.flux.testsupport.boundaries;

import org.jspecify.annotations.NullMarked;
