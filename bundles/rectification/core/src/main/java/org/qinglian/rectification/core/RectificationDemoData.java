package org.qinglian.rectification.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.qinglian.rectification.api.InspectionSource;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.core.entity.InspectionEntity;
import org.qinglian.rectification.core.entity.MeasureEntity;
import org.qinglian.rectification.core.entity.ProblemEntity;
import org.qinglian.rectification.core.entity.ProgressEntity;
import org.qinglian.rectification.core.entity.TimelineEntity;

/**
 * The demo city's ledger: each round of inspection by a commission over the units it supervises,
 * 1,000 problems per scale factor (medium: 10,000) with one to three measures each, in the
 * proportions a ledger has in the middle of a year: some registered, most in progress, a third
 * closed, a few long-term, about one in eight overdue. Written in batches, deterministic per seed.
 */
@Component(service = DemoDataContributor.class, property = DemoDataContributor.NAME + "=" + RectificationService.MODULE)
public class RectificationDemoData implements DemoDataContributor {

    static final int PROBLEMS_PER_FACTOR = 1000;
    private static final int BATCH = 500;

    /** Findings per category, in the words of the seeds' work reports. */
    private static final Map<String, List<String>> FINDINGS = new LinkedHashMap<>();

    static {
        FINDINGS.put("political", List.of("学习贯彻党中央决策部署不够及时深入，存在以会议贯彻会议现象",
                "“第一议题”制度落实不到位，学习研讨流于形式", "意识形态工作责任制落实不够有力，阵地管理存在薄弱环节"));
        FINDINGS.put("team", List.of("干部队伍结构不尽合理，年轻干部储备不足", "干部教育培训针对性不强，履职能力有待提升",
                "对干部日常监督管理偏松偏软，谈心谈话开展不经常"));
        FINDINGS.put("work", List.of("重点工作推进缓慢，部分任务未按时间节点完成", "工作台账不规范，资料归档不及时",
                "为民服务事项办理效率不高，群众反映问题回应不及时"));
        FINDINGS.put("organ", List.of("公务接待管理不规范，接待清单填写不完整", "公车使用登记不严格，存在审批手续不全问题",
                "财务报销审核把关不严，部分票据附件不齐全"));
        FINDINGS.put("responsibility", List.of("主体责任落实不到位，“一岗双责”履行不充分",
                "全面从严治党责任清单细化不够，压力传导层层递减", "对巡视巡察反馈问题整改研究部署不及时"));
        FINDINGS.put("discipline", List.of("监督执纪“四种形态”运用不够精准，第一种形态运用偏少",
                "问题线索处置不及时，存在积压现象", "对“一把手”和领导班子监督不够有力"));
        FINDINGS.put("risk", List.of("廉政风险点排查不全面，防控措施针对性不强", "工程项目招投标管理存在廉政风险",
                "惠民惠农资金发放监管不严，存在优亲厚友风险"));
    }

    private static final List<String> MEASURES = List.of("制定专项整改方案，明确责任分工和完成时限",
            "组织专题学习研讨，形成学习研讨材料", "完善相关制度规定，堵塞管理漏洞", "开展专项检查，建立问题清单逐项销号",
            "召开专题民主生活会，深入开展批评与自我批评", "加强日常监督检查，每季度调度一次整改进展",
            "对相关责任人进行谈话提醒", "建立长效机制，定期开展“回头看”");

    private static final String[] SOURCES_TITLE = {"巡察", "专项检查", "作风督查"};

    @Reference(target = "(osgi.unit.name=qinglian-rectification)")
    private org.apache.aries.jpa.template.JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Override
    public String name() {
        return RectificationService.MODULE;
    }

    @Override
    public Map<String, Long> contribute(DemoData data) {
        Random random = data.random("rectification");
        List<UnitDto> units = data.units();
        List<UnitDto> commissions = units.stream().filter(u -> u.getKind() == UnitKind.COMMISSION).toList();
        Map<UUID, List<UnitDto>> children = new LinkedHashMap<>();
        for (UnitDto u : units) {
            if (u.getParentId() != null) {
                children.computeIfAbsent(u.getParentId(), k -> new ArrayList<>()).add(u);
            }
        }
        LocalDate today = clock.today();
        Instant now = clock.now();
        int year = today.getYear();
        // one inspection per commission that has units under it
        List<InspectionEntity> inspections = new ArrayList<>();
        List<List<UnitDto>> inspected = new ArrayList<>();
        for (UnitDto commission : commissions) {
            List<UnitDto> under = children.getOrDefault(commission.getId(), List.of());
            if (under.isEmpty()) {
                continue;
            }
            InspectionEntity i = new InspectionEntity();
            i.setTitle(year + "年" + commission.getName() + "第" + (1 + random.nextInt(4)) + "轮"
                    + SOURCES_TITLE[random.nextInt(SOURCES_TITLE.length)]);
            i.setSource(InspectionSource.values()[random.nextInt(3) + 1]);
            i.setUnitId(commission.getId().toString());
            under.stream().limit(12).forEach(u -> i.getInspectedUnitIds().add(u.getId().toString()));
            i.setStartDate(today.minusDays(60 + random.nextInt(200)));
            i.setEndDate(i.getStartDate().plusDays(30));
            i.setTeam((commission.getShortName() == null ? commission.getName() : commission.getShortName()) + "巡察组");
            i.created(now);
            inspections.add(i);
            inspected.add(under.stream().limit(12).toList());
        }
        Transactions.inTransaction(jpa, em -> {
            inspections.forEach(em::persist);
            return null;
        });
        long total = (long) PROBLEMS_PER_FACTOR * data.scale().factor();
        long measures = 0;
        long done = 0;
        List<String> categories = new ArrayList<>(FINDINGS.keySet());
        while (done < total && !inspections.isEmpty()) {
            long batch = Math.min(BATCH, total - done);
            long[] made = Transactions.inTransaction(jpa, em -> {
                long m = 0;
                for (int n = 0; n < batch; n++) {
                    int which = random.nextInt(inspections.size());
                    InspectionEntity inspection = em.getReference(InspectionEntity.class, inspections.get(which).getId());
                    List<UnitDto> targets = inspected.get(which);
                    UnitDto unit = targets.get(random.nextInt(targets.size()));
                    String category = categories.get(random.nextInt(categories.size()));
                    List<String> texts = FINDINGS.get(category);
                    List<UUID> people = data.people(unit.getId());
                    ProblemEntity p = new ProblemEntity();
                    p.setInspection(inspection);
                    p.setDescription(texts.get(random.nextInt(texts.size())));
                    p.setCategory(category);
                    p.setSeverity(Severity.values()[random.nextInt(3)]);
                    p.setUnitId(unit.getId().toString());
                    p.setLeaderId(people.isEmpty() ? null : people.get(0).toString());
                    int roll = random.nextInt(100);
                    ProblemStatus status = roll < 12 ? ProblemStatus.REGISTERED : roll < 55 ? ProblemStatus.IN_PROGRESS
                            : roll < 65 ? ProblemStatus.CLOSURE_REQUESTED : roll < 95 ? ProblemStatus.CLOSED
                            : ProblemStatus.LONG_TERM;
                    p.setStatus(status);
                    p.created(now.minusSeconds(86_400L * random.nextInt(330)));
                    if (status == ProblemStatus.CLOSED) {
                        p.setClosedAt(now.minusSeconds(86_400L * random.nextInt(120)));
                        p.setVerificationNote("经核查，整改措施已落实，佐证材料齐全，同意销号。");
                    }
                    em.persist(p);
                    int count = 1 + random.nextInt(3);
                    for (int k = 0; k < count; k++) {
                        MeasureEntity measure = new MeasureEntity();
                        measure.setProblem(p);
                        measure.setPosition(k);
                        measure.setContent(MEASURES.get(random.nextInt(MEASURES.size())));
                        UUID owner = people.isEmpty() ? null : people.get(random.nextInt(people.size()));
                        measure.setOwnerId(owner == null ? null : owner.toString());
                        measure.setOwnerName(null);
                        boolean finished = status != ProblemStatus.REGISTERED && status != ProblemStatus.IN_PROGRESS;
                        measure.setLongTerm(status == ProblemStatus.LONG_TERM && k == 0);
                        measure.setDeadline(today.plusDays(random.nextInt(300) - 100));
                        measure.setDone(finished || status == ProblemStatus.IN_PROGRESS && random.nextInt(3) == 0);
                        measure.created(p.getCreatedAt());
                        em.persist(measure);
                        p.getMeasures().add(measure);
                        if (measure.isDone()) {
                            measure.setCompletedAt(now);
                            ProgressEntity r = new ProgressEntity();
                            r.setProblem(p);
                            r.setMeasure(measure);
                            r.setText("已按要求完成整改，相关制度已印发执行。");
                            r.setCompletesMeasure(true);
                            r.created(now);
                            em.persist(r);
                        }
                        m++;
                    }
                    p.deadlinesChanged();
                    em.persist(new TimelineEntity(p, p.getCreatedAt(), null, "REGISTER", null,
                            ProblemStatus.REGISTERED, null));
                }
                em.flush();
                em.clear();
                return new long[] {m};
            });
            measures += made[0];
            done += batch;
            data.progress("rectification", done, total);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rectification.inspections", (long) inspections.size());
        counts.put("rectification.problems", done);
        counts.put("rectification.measures", measures);
        return counts;
    }
}
