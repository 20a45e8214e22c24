package org.qinglian.platform.api.sheet;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;

import org.junit.Test;

public class SheetTest {

    @Test
    public void textListsTheValuesRowByRowAndLeavesBlanksOut() {
        Sheet sheet = new Sheet("s").cell(0, 0, "标题").cell(2, 0, 1L).cell(2, 1, null, Style.DEFAULT.withBorder(true))
                .cell(2, 2, LocalDate.of(2026, 3, 31)).cell(2, 3, "张书记");
        assertEquals("标题\n1\t2026-03-31\t张书记\n", sheet.text());
        assertEquals("", new Sheet("empty").text());
    }
}
