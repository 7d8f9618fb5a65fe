/**
 * The fault matrix: a workload of known effects, one fault each, and a checker that
 * counts what became of every operation.
 */
@NullMarked
package dev.flux.system.fault;

import org.jspecify.annotations.NullMarked;
