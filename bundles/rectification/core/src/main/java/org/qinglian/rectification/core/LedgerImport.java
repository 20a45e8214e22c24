package org.qinglian.rectification.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxReader;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.core.entity.InspectionEntity;

/**
 * Reads a ledger in the export's layout into problem drafts. Every row is checked before anything
 * is written; the errors name the spreadsheet's row and the column ({@code rows[7].deadline}).
 */
final class LedgerImport {

    private static final Pattern CHINESE_DATE = Pattern.compile("\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?\\s*");
    private static final Pattern DOTTED_DATE = Pattern.compile("\\s*(\\d{4})[./](\\d{1,2})[./](\\d{1,2})\\s*");

    private LedgerImport() {
    }

    /** One problem of the file, with the spreadsheet rows it came from. */
    private static final class Block {
        final int row;
        final String category;
        final String description;
        final String unit;
        final String leader;
        final List<Object[]> measures = new ArrayList<>();

        Block(int row, String category, String description, String unit, String leader) {
            this.row = row;
            this.category = category;
            this.description = description;
            this.unit = unit;
            this.leader = leader;
        }
    }

    static List<ProblemDraft> read(EntityManager em, RectificationServiceImpl service, InspectionEntity inspection,
            InputStream xlsx, Locale locale) {
        Sheet sheet;
        try {
            Workbook workbook = XlsxReader.read(xlsx);
            if (workbook.sheets().isEmpty()) {
                throw new ValidationException("file", "validation.rectification.ledgerLayout");
            }
            sheet = workbook.sheets().get(0);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("file", "validation.rectification.notSpreadsheet");
        }
        int header = headerRow(sheet, service.messages);
        List<FieldViolation> errors = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int r = header + 1; r <= sheet.lastRow(); r++) {
            if (empty(sheet, r)) {
                continue;
            }
            String description = text(sheet, r, LedgerLayout.DESCRIPTION);
            String number = text(sheet, r, LedgerLayout.NUMBER);
            if (description != null || number != null) {
                blocks.add(new Block(r, text(sheet, r, LedgerLayout.CATEGORY), description,
                        text(sheet, r, LedgerLayout.UNIT), text(sheet, r, LedgerLayout.LEADER)));
            } else if (blocks.isEmpty()) {
                errors.add(violation(r, "description", "validation.required"));
                continue;
            }
            String content = text(sheet, r, LedgerLayout.MEASURE);
            if (content != null) {
                blocks.get(blocks.size() - 1).measures.add(new Object[] {r, content, text(sheet, r, LedgerLayout.OWNER),
                    sheet.value(r, LedgerLayout.DEADLINE), text(sheet, r, LedgerLayout.REMARK)});
            }
        }
        if (blocks.size() > LedgerLayout.MAX_IMPORT_ROWS) {
            throw new ValidationException("file", "validation.rectification.tooManyRows", LedgerLayout.MAX_IMPORT_ROWS);
        }
        Map<String, String> categories = categoryCodes(service);
        Set<String> unitNames = new HashSet<>();
        Set<String> personNames = new HashSet<>();
        for (Block b : blocks) {
            unitNames.add(b.unit);
            personNames.add(b.leader);
            b.measures.forEach(m -> personNames.add((String) m[2]));
        }
        Scope scope = service.security.scope();
        Map<String, List<String>> unitsByName = Roster.unitsByName(em, unitNames);
        Map<String, List<String>> peopleByName = Roster.peopleByName(em, personNames);
        String longTerm = service.messages.get(locale, "rectification.sheet.longTerm");
        String longTermZh = service.messages.get(Messages.ZH_CN, "rectification.sheet.longTerm");
        List<ProblemDraft> drafts = new ArrayList<>();
        for (Block b : blocks) {
            int before = errors.size();
            if (b.description == null) {
                errors.add(violation(b.row, "description", "validation.required"));
            } else if (b.description.length() > 2000) {
                errors.add(violation(b.row, "description", "validation.tooLong", 2000));
            }
            String category = b.category == null ? null : categories.get(b.category);
            if (b.category == null) {
                errors.add(violation(b.row, "category", "validation.required"));
            } else if (category == null) {
                errors.add(violation(b.row, "category", "validation.rectification.category", b.category));
            }
            String unit = null;
            if (b.unit == null) {
                errors.add(violation(b.row, "unit", "validation.required"));
            } else {
                List<String> candidates = unitsByName.getOrDefault(b.unit, List.of()).stream()
                        .filter(u -> scope.includes(UUID.fromString(u))).toList();
                if (candidates.size() > 1) {
                    errors.add(violation(b.row, "unit", "validation.rectification.ambiguousUnit", b.unit,
                            candidates.size()));
                } else if (candidates.isEmpty()) {
                    errors.add(violation(b.row, "unit", "validation.rectification.unknownUnit", b.unit));
                } else {
                    unit = candidates.get(0);
                }
            }
            UUID leader = null;
            if (b.leader != null && unit != null) {
                leader = person(peopleByName, b.leader, unit);
                if (leader == null) {
                    errors.add(violation(b.row, "leader", "validation.rectification.unknownPerson", b.leader));
                }
            }
            List<MeasureDraft> measures = new ArrayList<>();
            for (Object[] m : b.measures) {
                int row = (Integer) m[0];
                String content = (String) m[1];
                String owner = (String) m[2];
                if (content.length() > 2000) {
                    errors.add(violation(row, "measure", "validation.tooLong", 2000));
                }
                if (owner != null && owner.length() > 100) {
                    errors.add(violation(row, "owner", "validation.tooLong", 100));
                }
                String remark = (String) m[4];
                boolean isLongTerm = longTerm.equals(remark) || longTermZh.equals(remark);
                LocalDate deadline = null;
                Object value = m[3];
                if (value instanceof String && (longTerm.equals(((String) value).trim())
                        || longTermZh.equals(((String) value).trim()))) {
                    isLongTerm = true;
                } else if (value != null) {
                    deadline = date(value);
                    if (deadline == null) {
                        errors.add(violation(row, "deadline", "validation.date"));
                    }
                } else if (!isLongTerm) {
                    errors.add(violation(row, "deadline", "validation.rectification.deadlineRequired"));
                }
                UUID ownerId = owner == null || unit == null ? null : person(peopleByName, owner, unit);
                measures.add(new MeasureDraft(content, ownerId, owner, deadline, isLongTerm, List.of()));
            }
            if (errors.size() == before) {
                drafts.add(new ProblemDraft(inspection.getPublicId(), b.description, category, Severity.MEDIUM,
                        UUID.fromString(unit), leader, measures));
            }
        }
        if (blocks.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldViolation("file", "validation.rectification.emptyLedger"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return drafts;
    }

    /** The row of the header (序号 … 备注), found by its first cell in either language. */
    private static int headerRow(Sheet sheet, Messages messages) {
        Set<String> first = Set.of(messages.get(Messages.ZH_CN, "rectification.sheet.header.number"),
                messages.get(Locale.ENGLISH, "rectification.sheet.header.number"));
        for (int r = 0; r <= Math.min(sheet.lastRow(), 10); r++) {
            String value = text(sheet, r, 0);
            if (value != null && first.contains(value)
                    && messages.get(Messages.ZH_CN, "rectification.sheet.header.remark").equals(
                            text(sheet, r, LedgerLayout.REMARK))
                    || value != null && first.contains(value) && messages.get(Locale.ENGLISH,
                            "rectification.sheet.header.remark").equals(text(sheet, r, LedgerLayout.REMARK))) {
                return r;
            }
        }
        throw new ValidationException("file", "validation.rectification.ledgerLayout");
    }

    private static Map<String, String> categoryCodes(RectificationServiceImpl service) {
        Map<String, String> codes = new HashMap<>();
        for (Locale l : Messages.SUPPORTED) {
            service.categoryLabels(l).forEach((code, label) -> {
                codes.put(label, code);
                codes.put(code, code);
            });
        }
        return codes;
    }

    /** The person of that name in the unit, else the only person of that name; null if none. */
    private static UUID person(Map<String, List<String>> people, String name, String unit) {
        List<String> pairs = people.getOrDefault(name, List.of());
        for (String pair : pairs) {
            if (pair.startsWith(unit + "/")) {
                return UUID.fromString(pair.substring(unit.length() + 1));
            }
        }
        return null;
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof Number) {
            double serial = ((Number) value).doubleValue();
            return serial > 0 && serial < 2_958_466 ? LocalDate.of(1899, 12, 30).plusDays((long) serial) : null;
        }
        String text = value.toString().trim();
        Matcher m = CHINESE_DATE.matcher(text);
        if (!m.matches()) {
            m = DOTTED_DATE.matcher(text);
        }
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean empty(Sheet sheet, int row) {
        for (int c = 0; c < LedgerLayout.COLUMNS.size(); c++) {
            if (text(sheet, row, c) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Sheet sheet, int row, int col) {
        Object v = sheet.value(row, col);
        if (v == null) {
            return null;
        }
        String s = v instanceof LocalDate ? v.toString() : String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static FieldViolation violation(int row, String column, String key, Object... args) {
        return new FieldViolation("rows[" + (row + 1) + "]." + column, key, args);
    }
}
