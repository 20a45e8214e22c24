package org.qinglian.talks.api;

import java.util.List;

/**
 * A year's talks by the month they are planned for (or were held in, when recorded afterwards).
 *
 * @param planned talks still planned
 * @param held talks held, sent or done
 */
public record PlanDto(int year, List<Month> months, long planned, long held, long cancelled) {

    /** @param month {@code yyyy-MM} */
    public record Month(String month, long planned, long held, List<TalkDto> talks) {
    }
}
