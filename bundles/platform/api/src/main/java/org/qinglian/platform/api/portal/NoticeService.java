package org.qinglian.platform.api.portal;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;

/** Notices (通知): posted by modules to a user or a unit's users, read by them. */
@ProviderType
public interface NoticeService {

    /** The fields the notice lists sort by. */
    Set<String> SORTABLE = Set.of("createdAt");

    /** Posts a notice. */
    NoticeDto post(NoticeDraft draft);

    /** Notices addressed to the caller or to the caller's unit, newest first. */
    Page<NoticeDto> mine(boolean unreadOnly, PageRequest page, Locale locale);

    /** Marks a notice the caller received as read; 404 for one they did not receive. */
    NoticeDto markRead(UUID id, Locale locale);

    /** How many unread notices the caller has. */
    long unreadCount();
}
