/**
 * Tests of deploy/kubernetes: rendered manifests against the Kubernetes API, the
 * operators' schemas and the services' own configuration.
 */
@NullMarked
package dev.flux.kubernetes;

import org.jspecify.annotations.NullMarked;
