package org.qinglian.talks.web;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.Test;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.testing.ModuleMessagesCheck;
import org.qinglian.talks.api.Assessment;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkStatus;

/**
 * The module's words exist in both languages, both with or both without placeholders; every
 * message key its Java code and UI files name exists, and every key they build on a prefix has
 * words; and every constant the server and the UI turn into a key ({@code talks.kind.POLITICAL},
 * {@code talks.status.HELD} …) has its words (the platform resolves module keys from these files).
 */
public class MessagesTest {

    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:problem|validation|record)\\.talks[A-Za-z.]*"
            + "|talks\\.(?:sheet|module|nav|permission|card|notice|timelineEntry|kind|reason|status|role|assessment"
            + "|action|sensitivity|sourceModule|timeline|transition|finding)\\.[A-Za-z.]+)\"");
    private static final Path WEB = Path.of("src/main/resources/web");

    private final ModuleMessagesCheck check = new ModuleMessagesCheck(Path.of("src/main/resources/i18n"));

    @Test
    public void chineseAndEnglishHaveTheSameKeysAndPlaceholders() {
        assertEquals(List.of(), check.languageDifferences());
    }

    @Test
    public void everyKeyTheCodeNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"))) {
            missing.addAll(check.missingKeys(root, ".java", JAVA_KEY));
        }
        missing.addAll(check.missingKeys(WEB, ".js", ModuleMessagesCheck.jsKeys("talks")));
        missing.addAll(check.missingPrefixes(WEB, ".js", ModuleMessagesCheck.jsKeyPrefixes("talks")));
        // NotFoundException names the record kind talks.talk as record.talks.talk
        missing.addAll(check.missing("record.talks.talk"));
        assertEquals(List.of(), missing);
    }

    @Test
    public void everyConstantTheServerAndTheUiTurnIntoAKeyHasWords() {
        List<String> missing = new ArrayList<>();
        missing.addAll(check.missingEnumKeys("talks.kind.", TalkKind.class));
        missing.addAll(check.missingEnumKeys("talks.reason.", TalkReason.class));
        missing.addAll(check.missingEnumKeys("talks.status.", TalkStatus.class));
        missing.addAll(check.missingEnumKeys("talks.role.", SubjectRole.class));
        missing.addAll(check.missingEnumKeys("talks.assessment.", Assessment.class));
        missing.addAll(check.missingEnumKeys("talks.action.", TalkAction.class));
        missing.addAll(check.missingEnumKeys("talks.sensitivity.", Sensitivity.class));
        // a talk's history: its moves and the steps that are not moves
        missing.addAll(check.missingEnumKeys("talks.timeline.", TalkAction.class));
        missing.addAll(check.missing("talks.timeline.CREATE", "talks.timeline.EDIT", "talks.timeline.PROPOSE",
                "talks.timeline.ATTACH", "talks.timeline.FINDING"));
        missing.addAll(check.missingEnumKeys("talks.transition.hint.", TalkAction.class));
        assertEquals(List.of(), missing);
    }
}
