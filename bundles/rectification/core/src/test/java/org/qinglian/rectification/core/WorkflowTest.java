package org.qinglian.rectification.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.rectification.api.Action;
import org.qinglian.rectification.api.ProblemStatus;

/** Every state against every action: the legal moves lead where the ledger says, the rest answer 409. */
public class WorkflowTest {

    private static final Map<ProblemStatus, Map<Action, ProblemStatus>> LEGAL = new EnumMap<>(ProblemStatus.class);

    static {
        for (ProblemStatus s : ProblemStatus.values()) {
            LEGAL.put(s, new EnumMap<>(Action.class));
        }
        LEGAL.get(ProblemStatus.REGISTERED).put(Action.START, ProblemStatus.IN_PROGRESS);
        LEGAL.get(ProblemStatus.IN_PROGRESS).put(Action.REQUEST_CLOSURE, ProblemStatus.CLOSURE_REQUESTED);
        LEGAL.get(ProblemStatus.IN_PROGRESS).put(Action.LONG_TERM, ProblemStatus.LONG_TERM);
        LEGAL.get(ProblemStatus.CLOSURE_REQUESTED).put(Action.CLOSE, ProblemStatus.CLOSED);
        LEGAL.get(ProblemStatus.CLOSURE_REQUESTED).put(Action.REJECT, ProblemStatus.IN_PROGRESS);
        LEGAL.get(ProblemStatus.CLOSURE_REQUESTED).put(Action.LONG_TERM, ProblemStatus.LONG_TERM);
        LEGAL.get(ProblemStatus.CLOSED).put(Action.RECHECK, ProblemStatus.CLOSED);
        LEGAL.get(ProblemStatus.CLOSED).put(Action.REOPEN, ProblemStatus.IN_PROGRESS);
        LEGAL.get(ProblemStatus.LONG_TERM).put(Action.RECHECK, ProblemStatus.LONG_TERM);
        LEGAL.get(ProblemStatus.LONG_TERM).put(Action.REOPEN, ProblemStatus.IN_PROGRESS);
    }

    @Test
    public void everyLegalTransitionLeadsWhereTheLedgerSays() {
        int legal = 0;
        for (ProblemStatus from : ProblemStatus.values()) {
            for (Map.Entry<Action, ProblemStatus> move : LEGAL.get(from).entrySet()) {
                assertEquals(from + " " + move.getKey(), move.getValue(), Workflow.next(from, move.getKey()));
                legal++;
            }
            assertEquals(from.toString(), LEGAL.get(from).keySet(), Workflow.actions(from));
        }
        assertEquals(10, legal);
    }

    @Test
    public void everyIllegalTransitionIsAConflictNamingActionAndState() {
        int illegal = 0;
        for (ProblemStatus from : ProblemStatus.values()) {
            for (Action action : Action.values()) {
                if (LEGAL.get(from).containsKey(action)) {
                    continue;
                }
                ConflictException e = assertThrows(from + " " + action, ConflictException.class,
                        () -> Workflow.next(from, action));
                assertEquals(409, e.getStatus());
                assertEquals("problem.rectification.illegalTransition", e.getMessageKey());
                assertEquals("rectification.action." + action, e.getArgs()[0]);
                assertEquals("rectification.status." + from, e.getArgs()[1]);
                illegal++;
            }
        }
        assertEquals(ProblemStatus.values().length * Action.values().length - 10, illegal);
    }

    @Test
    public void theSupervisingUnitsActionsAllNeedANote() {
        assertEquals(Workflow.SUPERVISING, Workflow.NOTE_REQUIRED);
    }
}
