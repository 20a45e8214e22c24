package org.qinglian.platform.core.attachment;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.attachment.AttachmentContent;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.attachment.AttachmentService;
import org.qinglian.platform.api.attachment.AttachmentUpload;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.spi.AttachmentAccess;
import org.qinglian.platform.core.db.Instants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments in {@code pf_attachment}: written and listed through the caller's entity manager,
 * streamed through the platform's after the owning module's {@link AttachmentAccess} allowed it.
 */
@Component(service = AttachmentService.class, configurationPid = AttachmentServiceImpl.PID)
@Designate(ocd = AttachmentConfig.class)
public class AttachmentServiceImpl implements AttachmentService {

    static final String PID = "org.qinglian.platform.attachments";
    static final String RECORD = "attachment";
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentServiceImpl.class);
    private static final String COLUMNS = "public_id, module_id, owner_type, owner_id, filename, content_type,"
            + " size_bytes, sha256, created_at, created_by";

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private SecurityContext security;

    @Reference
    private AuditLog audit;

    private final Map<String, AttachmentAccess> access = new ConcurrentHashMap<>();
    private volatile long maxSize = 20L * 1024 * 1024;

    public AttachmentServiceImpl() {
    }

    /** For tests. */
    public AttachmentServiceImpl(JpaTemplate jpa, PlatformClock clock, SecurityContext security, AuditLog audit,
            long maxSize) {
        this.jpa = jpa;
        this.clock = clock;
        this.security = security;
        this.audit = audit;
        this.maxSize = maxSize;
    }

    @Activate
    @Modified
    void configure(AttachmentConfig config) {
        maxSize = Math.max(1, config.maxSizeMegabytes()) * 1024L * 1024L;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindAccess(AttachmentAccess check) {
        access.put(check.module(), check);
    }

    public void unbindAccess(AttachmentAccess check) {
        access.remove(check.module(), check);
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public AttachmentDto store(EntityManager em, AttachmentUpload upload) {
        String filename = cleanName(upload.filename());
        Validator v = new Validator().required("module", upload.module()).required("ownerType", upload.ownerType())
                .required("ownerId", upload.ownerId()).required("filename", filename)
                .maxLength("filename", filename, 255);
        v.throwIfInvalid();
        byte[] content = upload.content();
        if (content.length == 0) {
            v.reject("file", "validation.attachmentEmpty").throwIfInvalid();
        }
        if (content.length > maxSize) {
            v.reject("file", "validation.attachmentTooLarge", maxSize / (1024 * 1024)).throwIfInvalid();
        }
        Optional<String> type = ContentTypes.detect(content, filename);
        if (type.isEmpty()) {
            v.reject("file", "validation.attachmentType").throwIfInvalid();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        String sha256 = sha256(content);
        String actor = security.caller().map(Caller::getUsername).orElse(null);
        em.createNativeQuery("insert into pf_attachment (" + COLUMNS + ", unit_id, content)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, id.toString()).setParameter(2, upload.module()).setParameter(3, upload.ownerType())
                .setParameter(4, upload.ownerId().toString()).setParameter(5, filename).setParameter(6, type.get())
                .setParameter(7, (long) content.length).setParameter(8, sha256).setParameter(9, Timestamp.from(now))
                .setParameter(10, actor).setParameter(11, upload.unitId() == null ? null : upload.unitId().toString())
                .setParameter(12, content).executeUpdate();
        audit.record(em, AuditEvent.of("attachment.store", RECORD, id)
                .detail(upload.module() + "/" + upload.ownerType() + "/" + upload.ownerId() + " sha256=" + sha256));
        return new AttachmentDto(id, upload.module(), upload.ownerType(), upload.ownerId(), filename, type.get(),
                content.length, sha256, now, actor);
    }

    @Override
    public List<AttachmentDto> list(EntityManager em, String module, String ownerType, UUID ownerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from pf_attachment where module_id = ?1"
                + " and owner_type = ?2 and owner_id = ?3 and deleted_at is null order by id")
                .setParameter(1, module).setParameter(2, ownerType).setParameter(3, ownerId.toString())
                .getResultList();
        List<AttachmentDto> list = new ArrayList<>();
        rows.forEach(r -> list.add(dto(r)));
        return list;
    }

    @Override
    public long count(EntityManager em, String module, String ownerType, UUID ownerId) {
        Object n = em.createNativeQuery("select count(*) from pf_attachment where module_id = ?1 and owner_type = ?2"
                + " and owner_id = ?3 and deleted_at is null").setParameter(1, module).setParameter(2, ownerType)
                .setParameter(3, ownerId.toString()).getSingleResult();
        return ((Number) n).longValue();
    }

    @Override
    public AttachmentContent open(UUID id) {
        return Transactions.inTransaction(jpa, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + ", content from pf_attachment"
                    + " where public_id = ?1 and deleted_at is null").setParameter(1, String.valueOf(id))
                    .getResultList();
            if (rows.isEmpty()) {
                throw new NotFoundException(RECORD, id);
            }
            AttachmentDto dto = dto(rows.get(0));
            AttachmentAccess check = access.get(dto.module());
            if (check == null || !check.mayRead(dto.ownerType(), dto.ownerId())) {
                LOG.debug("Attachment {} refused: module {} {}", id, dto.module(), check == null ? "absent" : "said no");
                throw new NotFoundException(RECORD, id);
            }
            audit.record(em, AuditEvent.of("attachment.download", RECORD, id));
            return new AttachmentContent(dto, bytes(rows.get(0)[10]));
        });
    }

    private static byte[] bytes(Object column) {
        if (column instanceof byte[]) {
            return (byte[]) column;
        }
        if (column instanceof java.sql.Blob) {
            try {
                java.sql.Blob blob = (java.sql.Blob) column;
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read an attachment's content", e);
            }
        }
        throw new IllegalStateException("unexpected content column " + column.getClass());
    }

    private static AttachmentDto dto(Object[] r) {
        return new AttachmentDto(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                UUID.fromString((String) r[3]), (String) r[4], (String) r[5], ((Number) r[6]).longValue(),
                (String) r[7], Instants.of(r[8]), (String) r[9]);
    }

    /** The name without folders or control characters, as browsers and scanners may send one. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").trim();
        return clean.isEmpty() ? null : clean;
    }

    static String sha256(byte[] content) {
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
