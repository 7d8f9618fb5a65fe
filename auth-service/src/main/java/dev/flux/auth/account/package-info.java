/**
 * Accounts: the user aggregate, its username and email rules, and the events that report
 * its changes.
 */
@NullMarked
package dev.flux.auth.account;

import org.jspecify.annotations.NullMarked;
