package io.billinghub.sandbox;

import java.util.List;

/**
 * One page of the usage API's response (records of any shape: the sandbox serves them as given).
 *
 * @param total     records in the queried range (not counting a duplicated page)
 * @param pageCount pages a client has to fetch to see every record
 */
public record SandboxPage<T>(List<T> entities, int pageSize, int pageNumber, int total, int pageCount) {

    /**
     * Cuts page {@code pageNumber} out of the matching records. With {@code duplicatePage} k > 0 and at least k
     * pages, page k is served twice, as a flaky vendor does: page k+1 repeats page k, every later page moves up
     * by one and pageCount grows by one, so following pageCount still yields every record, some of them twice.
     * A page past the end is empty.
     */
    public static <T> SandboxPage<T> of(List<T> matching, int pageNumber, int pageSize, int duplicatePage) {
        int total = matching.size();
        int pages = (total + pageSize - 1) / pageSize;
        boolean duplicating = duplicatePage > 0 && pages >= duplicatePage;
        int pageCount = duplicating ? pages + 1 : pages;
        if (pageNumber > pageCount) {
            return new SandboxPage<>(List.of(), pageSize, pageNumber, total, pageCount);
        }
        int sourcePage = duplicating && pageNumber > duplicatePage ? pageNumber - 1 : pageNumber;
        int from = (sourcePage - 1) * pageSize;
        List<T> entities = List.copyOf(matching.subList(from, Math.min(total, from + pageSize)));
        return new SandboxPage<>(entities, pageSize, pageNumber, total, pageCount);
    }
}
