package org.qinglian.rectification.core;

import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.spi.FindingSink;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.core.entity.ProblemEntity;

/**
 * Registers other modules' findings (a checklist review, a talk's follow-up) as problems of the
 * ledger, once per source key. The finding's deadline, if any, becomes its first measure's.
 */
@Component(service = FindingSink.class)
public class RectificationFindingSink implements FindingSink {

    @Reference
    private RectificationService ledger;

    public RectificationFindingSink() {
    }

    /** For tests. */
    public RectificationFindingSink(RectificationService ledger) {
        this.ledger = ledger;
    }

    @Override
    public String module() {
        return RectificationService.MODULE;
    }

    @Override
    public Receipt raise(Finding finding) {
        Validator v = new Validator().required("sourceModule", finding.sourceModule())
                .required("sourceKey", finding.sourceKey()).maxLength("sourceModule", finding.sourceModule(), 64)
                .maxLength("sourceKey", finding.sourceKey(), 200);
        Severity severity = Severity.MEDIUM;
        if (finding.severity() != null) {
            try {
                severity = Severity.valueOf(finding.severity());
            } catch (IllegalArgumentException e) {
                v.reject("severity", "validation.rectification.severity", finding.severity());
            }
        }
        v.throwIfInvalid();
        RectificationServiceImpl service = (RectificationServiceImpl) ledger;
        ProblemDraft draft = new ProblemDraft(null, finding.description(),
                finding.category() == null ? CategoryDictionary.DEFAULT_CATEGORY : finding.category(), severity,
                finding.unitId(), finding.leaderId(), finding.deadline() == null ? List.of()
                        : List.of(new MeasureDraft(finding.description(), null, null, finding.deadline(), false,
                                List.of())));
        service.validate(draft, true);
        return Transactions.inTransaction(service.jpa, em -> {
            List<ProblemEntity> known = em.createQuery("select p from ProblemEntity p where p.sourceModule = :m"
                    + " and p.sourceKey = :k", ProblemEntity.class).setParameter("m", finding.sourceModule())
                    .setParameter("k", finding.sourceKey()).getResultList();
            if (!known.isEmpty()) {
                return receipt(known.get(0).getPublicId(), false);
            }
            return receipt(service.register(em, draft, finding.sourceModule(), finding.sourceKey()).getPublicId(), true);
        });
    }

    private static Receipt receipt(UUID id, boolean created) {
        return new Receipt(id, "rectification/problems/" + id, created);
    }
}
