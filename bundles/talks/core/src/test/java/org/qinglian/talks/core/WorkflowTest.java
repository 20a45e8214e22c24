package org.qinglian.talks.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkStatus;

/**
 * Every state against every action, for a talk of each kind and for a letter of inquiry: the legal
 * moves lead where the lifecycle says (planned → held → follow-up pending → closed; planned → sent →
 * replied → assessed → follow-up pending → closed; cancelled while planned), the rest answer 409.
 */
public class WorkflowTest {

    private static final Map<TalkStatus, Map<TalkAction, TalkStatus>> TALK = table();
    private static final Map<TalkStatus, Map<TalkAction, TalkStatus>> INQUIRY = table();

    static {
        TALK.get(TalkStatus.PLANNED).put(TalkAction.HOLD, TalkStatus.HELD);
        TALK.get(TalkStatus.PLANNED).put(TalkAction.CANCEL, TalkStatus.CANCELLED);
        TALK.get(TalkStatus.HELD).put(TalkAction.REQUIRE_FOLLOW_UP, TalkStatus.FOLLOW_UP_PENDING);
        TALK.get(TalkStatus.HELD).put(TalkAction.CLOSE, TalkStatus.CLOSED);
        TALK.get(TalkStatus.FOLLOW_UP_PENDING).put(TalkAction.COMPLETE_FOLLOW_UP, TalkStatus.CLOSED);

        INQUIRY.get(TalkStatus.PLANNED).put(TalkAction.SEND, TalkStatus.SENT);
        INQUIRY.get(TalkStatus.PLANNED).put(TalkAction.CANCEL, TalkStatus.CANCELLED);
        INQUIRY.get(TalkStatus.SENT).put(TalkAction.RECORD_REPLY, TalkStatus.REPLIED);
        INQUIRY.get(TalkStatus.REPLIED).put(TalkAction.ASSESS, TalkStatus.ASSESSED);
        INQUIRY.get(TalkStatus.ASSESSED).put(TalkAction.REQUIRE_FOLLOW_UP, TalkStatus.FOLLOW_UP_PENDING);
        INQUIRY.get(TalkStatus.ASSESSED).put(TalkAction.CLOSE, TalkStatus.CLOSED);
        INQUIRY.get(TalkStatus.FOLLOW_UP_PENDING).put(TalkAction.COMPLETE_FOLLOW_UP, TalkStatus.CLOSED);
    }

    private static Map<TalkStatus, Map<TalkAction, TalkStatus>> table() {
        Map<TalkStatus, Map<TalkAction, TalkStatus>> t = new EnumMap<>(TalkStatus.class);
        for (TalkStatus s : TalkStatus.values()) {
            t.put(s, new EnumMap<>(TalkAction.class));
        }
        return t;
    }

    private static Map<TalkStatus, Map<TalkAction, TalkStatus>> legal(TalkKind kind) {
        return kind == TalkKind.INQUIRY ? INQUIRY : TALK;
    }

    @Test
    public void everyLegalMoveOfATalkAndOfALetterLeadsWhereTheLifecycleSays() {
        for (TalkKind kind : TalkKind.values()) {
            int moves = 0;
            for (TalkStatus from : TalkStatus.values()) {
                for (Map.Entry<TalkAction, TalkStatus> move : legal(kind).get(from).entrySet()) {
                    assertEquals(kind + " " + from + " " + move.getKey(), move.getValue(),
                            Workflow.next(kind, from, move.getKey()));
                    moves++;
                }
                assertEquals(kind + " " + from, legal(kind).get(from).keySet(), Workflow.actions(kind, from));
            }
            assertEquals(kind.toString(), kind == TalkKind.INQUIRY ? 7 : 5, moves);
        }
    }

    @Test
    public void everyIllegalMoveIsAConflictNamingActionAndState() {
        for (TalkKind kind : TalkKind.values()) {
            int illegal = 0;
            for (TalkStatus from : TalkStatus.values()) {
                for (TalkAction action : TalkAction.values()) {
                    if (legal(kind).get(from).containsKey(action)) {
                        continue;
                    }
                    ConflictException e = assertThrows(kind + " " + from + " " + action, ConflictException.class,
                            () -> Workflow.next(kind, from, action));
                    assertEquals(409, e.getStatus());
                    assertEquals("problem.talks.illegalTransition", e.getMessageKey());
                    assertEquals("talks.action." + action, e.getArgs()[0]);
                    assertEquals("talks.status." + from, e.getArgs()[1]);
                    illegal++;
                }
            }
            assertEquals(kind.toString(), TalkStatus.values().length * TalkAction.values().length
                    - (kind == TalkKind.INQUIRY ? 7 : 5), illegal);
        }
    }

    @Test
    public void nothingLeadsOutOfAFinalStateAndOnlyHeldTalksCountAsTakenPlace() {
        for (TalkKind kind : TalkKind.values()) {
            for (TalkStatus s : Workflow.FINAL) {
                assertTrue(kind + " " + s, Workflow.actions(kind, s).isEmpty());
            }
        }
        assertEquals(java.util.EnumSet.of(TalkStatus.CLOSED, TalkStatus.CANCELLED), Workflow.FINAL);
        for (TalkStatus s : TalkStatus.values()) {
            boolean tookPlace = s != TalkStatus.PLANNED && s != TalkStatus.CANCELLED;
            assertEquals(s.toString(), tookPlace, Workflow.TOOK_PLACE.contains(s));
        }
    }
}
