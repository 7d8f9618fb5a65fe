package dev.flux.user.profile;

import java.util.List;

/**
 * One page of search results, in username order.
 *
 * @param items the users on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasNext whether another page follows
 */
public record UserPage(List<UserSummary> items, int page, int size, boolean hasNext) {

}
