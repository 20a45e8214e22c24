package org.qinglian.platform.api.portal;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;

/** To-dos (待办): raised by modules for a user, listed and completed by that user. */
@ProviderType
public interface TodoService {

    /** The fields the to-do lists sort by. */
    Set<String> SORTABLE = Set.of("dueAt", "createdAt");

    /** Raises a to-do, or updates the open one of the same assignee, module and source key. */
    TodoDto raise(TodoDraft draft);

    /** Marks open to-dos of a module's source key done (the thing was dealt with elsewhere). */
    int resolve(String module, String sourceKey);

    /** The caller's own to-dos, open ({@code done == false}) or done, most urgent first. */
    Page<TodoDto> mine(boolean done, PageRequest page, Locale locale);

    /** Marks one of the caller's own to-dos done; 404 for anyone else's. */
    TodoDto complete(UUID id, Locale locale);

    /** How many open to-dos the caller has. */
    long openCount();
}
