/** What operators may do to a user's account through the admin API instead of SQL. */
@NullMarked
package dev.flux.auth.admin;

import org.jspecify.annotations.NullMarked;
