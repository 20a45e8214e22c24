package org.qinglian.platform.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.apache.karaf.features.Repository;
import org.apache.karaf.kar.KarService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.portal.FeaturePreviewDto;
import org.qinglian.platform.api.portal.InstallJobDto;
import org.qinglian.platform.api.portal.ModuleFeatureDto;
import org.qinglian.platform.api.portal.ModuleInstaller;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs module features through Karaf's features service, one change at a time on one
 * worker thread, never refreshing bundles automatically (so neither unrelated bundles nor the one
 * serving the request restart). Only features of the repositories named in the configuration
 * and not part of the platform itself are offered.
 */
@Component(service = ModuleInstaller.class, configurationPid = "org.qinglian.platform.modules")
@Designate(ocd = ModuleInstallerImpl.Config.class)
public class ModuleInstallerImpl implements ModuleInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleInstallerImpl.class);
    static final String FEATURE = "feature";
    private static final String SYSTEM = "system";
    /** A KAR larger than this is refused before it is read to the end. */
    static final long MAX_KAR_BYTES = 200L * 1024 * 1024;
    private static final int KEPT_JOBS = 200;

    @ObjectClassDefinition(name = "Qinglian modules: installing module features")
    public @interface Config {
        @AttributeDefinition(description = "Name prefixes of the features repositories whose features may be installed")
        String[] repositories() default {"qinglian-"};

        @AttributeDefinition(description = "Features of the platform itself: never offered as modules")
        String[] platformFeatures() default {"qinglian-platform", "qinglian-persistence", "qinglian-cxf"};

        @AttributeDefinition(description = "The checksum list of the KAR packs published with the distribution,"
                + " relative to the Karaf base folder: lines of '<sha256>  <file name>'")
        String checksums() default "etc/qinglian-kars.sha256";

        @AttributeDefinition(description = "Apply the desired feature set of the database at start")
        boolean applyDesiredAtStart() default true;
    }

    @Reference
    private FeaturesService features;

    @Reference
    private KarService kars;

    @Reference
    private FeatureLog featureLog;

    @Reference(target = ModulesSchema.DATASOURCE_TARGET)
    private DataSource dataSource;

    @Reference
    private AuditLog audit;

    @Reference
    private SecurityContext security;

    @Reference
    private UnitService units;

    @Reference
    private PlatformClock clock;

    private BundleContext context;
    private Config config;
    private DesiredFeatures desired;
    private ExecutorService worker;
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();

    @Activate
    void activate(BundleContext bundleContext, Config configuration) {
        this.context = bundleContext;
        this.config = configuration;
        this.desired = new DesiredFeatures(dataSource);
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "qinglian-modules"));
        if (configuration.applyDesiredAtStart()) {
            worker.execute(this::applyDesired);
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    // --- what is offered -------------------------------------------------------------------

    @Override
    public List<ModuleFeatureDto> features(Locale locale) {
        authorize();
        Map<String, Feature> offered = offered();
        Map<String, DesiredFeatures.Desired> wanted = desired.all();
        Map<String, String> installedVersions = installedVersions();
        List<ModuleFeatureDto> result = new ArrayList<>();
        for (Feature f : offered.values()) {
            String installed = installedVersions.get(f.getName());
            List<String> needs = new ArrayList<>();
            f.getDependencies().forEach(d -> needs.add(d.getName()));
            DesiredFeatures.Desired d = wanted.get(f.getName());
            result.add(new ModuleFeatureDto(f.getName(), f.getVersion(), installed, describe(f, locale),
                    busy(f.getName()) ? "BUSY" : installed != null ? "INSTALLED" : "NOT_INSTALLED", needs,
                    f.getBundles().size(), d == null ? null : d.installed()));
        }
        return result;
    }

    /** The newest version of each module feature of the allowed repositories, by name. */
    private Map<String, Feature> offered() {
        Map<String, Feature> newest = new LinkedHashMap<>();
        try {
            for (Repository r : features.listRepositories()) {
                if (!allowed(r.getName())) {
                    continue;
                }
                for (Feature f : r.getFeatures()) {
                    if (f.isHidden() || listed(config.platformFeatures()).contains(f.getName())) {
                        continue;
                    }
                    Feature known = newest.get(f.getName());
                    if (known == null || version(f.getVersion()).compareTo(version(known.getVersion())) > 0) {
                        newest.put(f.getName(), f);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The features repositories cannot be read", e);
        }
        return newest;
    }

    private boolean allowed(String repository) {
        for (String prefix : listed(config.repositories())) {
            if (repository != null && repository.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A list setting's values: a .cfg file gives "a, b" as one string. */
    static Set<String> listed(String[] values) {
        Set<String> result = new java.util.LinkedHashSet<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    private Feature offered(String name) {
        Feature f = name == null ? null : offered().get(name);
        if (f == null) {
            throw new NotFoundException(FEATURE, name);
        }
        return f;
    }

    private String installedVersion(String name) {
        return installedVersions().get(name);
    }

    /** The installed features' versions by name, read once per question. */
    private Map<String, String> installedVersions() {
        try {
            Map<String, String> versions = new LinkedHashMap<>();
            for (Feature f : features.listInstalledFeatures()) {
                versions.put(f.getName(), f.getVersion());
            }
            return versions;
        } catch (Exception e) {
            throw new IllegalStateException("The installed features cannot be read", e);
        }
    }

    /** A feature's description {@code 中文 | English} in the caller's language. */
    static String describe(Feature f, Locale locale) {
        String text = f.getDescription() == null ? f.getName() : f.getDescription();
        int bar = text.indexOf(" | ");
        if (bar < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(bar + 3).strip() : text.substring(0, bar).strip();
    }

    static Version version(String v) {
        try {
            return Version.parseVersion(v.replace('-', '.'));
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    // --- who may --------------------------------------------------------------------------

    /**
     * The REST runtime checked {@code platform:modules-install}; a holder whose scope is not the
     * whole deployment must also be an administrator of a top unit (the deployment's own unit).
     */
    private void authorize() {
        Optional<Caller> caller = security.caller();
        if (caller.isEmpty() || security.scope().isUnrestricted()) {
            return;
        }
        if (caller.get().getUnitId() == null || units.get(caller.get().getUnitId()).getParentId() != null) {
            throw new ProblemException(403, "forbidden", "problem.installTopUnitOnly");
        }
    }

    private String actor() {
        return security.caller().map(Caller::getUsername).orElse(SYSTEM);
    }

    // --- dry run --------------------------------------------------------------------------

    @Override
    public FeaturePreviewDto preview(String feature, Action action) {
        authorize();
        Feature f = offered(feature);
        checkState(f, action);
        return onWorker(() -> simulate(f, action));
    }

    private FeaturePreviewDto simulate(Feature f, Action action) {
        featureLog.start();
        List<String> lines;
        try {
            change(f, action, EnumSet.of(Option.Simulate, Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            featureLog.stop();
            throw new ConflictException("problem.featureChangeRefused", f.getName(), String.valueOf(e.getMessage()));
        }
        lines = featureLog.stop();
        return Deployment.parse(f.getName(), action, lines);
    }

    private void change(Feature f, Action action, EnumSet<Option> options) throws Exception {
        switch (action) {
            case UNINSTALL -> features.uninstallFeature(f.getName(), installedVersion(f.getName()), options);
            case UPGRADE -> {
                options.add(Option.Upgrade);
                features.installFeature(f.getName(), f.getVersion(), options);
            }
            default -> features.installFeature(f.getName(), f.getVersion(), options);
        }
    }

    /** 409 when the action makes no sense in the feature's state. */
    private void checkState(Feature f, Action action) {
        String installed = installedVersion(f.getName());
        boolean ok = switch (action) {
            case INSTALL -> installed == null;
            case UNINSTALL -> installed != null;
            case UPGRADE -> installed != null && version(f.getVersion()).compareTo(version(installed)) > 0;
        };
        if (!ok) {
            throw new ConflictException("problem.featureState", f.getName(), action.name());
        }
    }

    // --- jobs -----------------------------------------------------------------------------

    @Override
    public InstallJobDto submit(String feature, Action action) {
        authorize();
        Feature f = offered(feature);
        Job job;
        synchronized (jobs) {
            if (busy(feature)) {
                throw new ConflictException("problem.featureBusy", feature);
            }
            checkState(f, action);
            job = remember(new Job(feature, action, actor()));
        }
        desired.record(feature, f.getVersion(), action != Action.UNINSTALL, job.requestedBy, clock.now());
        worker.execute(() -> run(job, f));
        return job.dto();
    }

    private Job remember(Job job) {
        jobs.put(job.id, job);
        while (jobs.size() > KEPT_JOBS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        return job;
    }

    private boolean busy(String feature) {
        synchronized (jobs) {
            return jobs.values().stream().anyMatch(j -> j.feature.equals(feature) && j.isActive());
        }
    }

    private void run(Job job, Feature f) {
        job.running(clock.now());
        try {
            job.step("job.step.resolving", 5);
            FeaturePreviewDto plan = simulate(f, job.action);
            int expected = Math.max(1, plan.install().size() + plan.update().size() + plan.uninstall().size());
            job.step(job.action == Action.UNINSTALL ? "job.step.removing" : "job.step.installing", 10);
            AtomicInteger seen = new AtomicInteger();
            SynchronousBundleListener listener = event -> {
                int type = event.getType();
                if (type == BundleEvent.INSTALLED || type == BundleEvent.UNINSTALLED || type == BundleEvent.UPDATED) {
                    job.progress(10 + 85 * seen.incrementAndGet() / expected);
                }
            };
            context.addBundleListener(listener);
            try {
                change(f, job.action, EnumSet.of(Option.NoAutoRefreshBundles));
            } finally {
                context.removeBundleListener(listener);
            }
            job.succeeded(clock.now());
            audit(job, AuditEvent.Outcome.SUCCESS, f.getVersion());
            LOG.info("{} of feature {} {} by {} done", job.action, f.getName(), f.getVersion(), job.requestedBy);
        } catch (Exception | Error e) {
            String message = e instanceof ProblemException ? e.getMessage() : String.valueOf(e.getMessage());
            job.failed(clock.now(), message);
            audit(job, AuditEvent.Outcome.FAILURE, message);
            LOG.error("{} of feature {} failed", job.action, f.getName(), e);
        }
    }

    private void audit(Job job, AuditEvent.Outcome outcome, String detail) {
        try {
            audit.recordSeparately(AuditEvent.of("module." + job.action.name().toLowerCase(Locale.ROOT), FEATURE,
                    job.feature).actor(job.requestedBy).outcome(outcome).detail(detail));
        } catch (RuntimeException e) {
            LOG.error("The audit entry of the {} of {} could not be written", job.action, job.feature, e);
        }
    }

    @Override
    public Optional<InstallJobDto> job(UUID id) {
        authorize();
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::dto);
        }
    }

    @Override
    public List<InstallJobDto> jobs() {
        authorize();
        List<InstallJobDto> result = new ArrayList<>();
        synchronized (jobs) {
            jobs.values().forEach(j -> result.add(0, j.dto()));
        }
        return result;
    }

    // --- the desired set at start -----------------------------------------------------------

    /** Brings this node to the desired feature set: installs what is wanted, removes what is not. */
    void applyDesired() {
        Map<String, DesiredFeatures.Desired> wanted;
        try {
            wanted = desired.all();
        } catch (RuntimeException e) {
            LOG.error("The desired feature set could not be read; nothing applied", e);
            return;
        }
        Map<String, Feature> offered = offered();
        Map<String, String> installedVersions = installedVersions();
        for (DesiredFeatures.Desired d : wanted.values()) {
            Feature f = offered.get(d.feature());
            if (f == null) {
                LOG.warn("Desired feature {} is not in the bundled repositories", d.feature());
                continue;
            }
            boolean installed = installedVersions.containsKey(d.feature());
            if (d.installed() != installed) {
                Job job;
                synchronized (jobs) {
                    job = remember(new Job(d.feature(), d.installed() ? Action.INSTALL : Action.UNINSTALL, SYSTEM));
                }
                LOG.info("Applying the desired feature set: {} {}", job.action, d.feature());
                run(job, f);
            }
        }
    }

    // --- KAR packs ------------------------------------------------------------------------

    @Override
    public InstallJobDto submitKar(String fileName, InputStream content) {
        authorize();
        String name = fileName == null ? "" : Path.of(fileName).getFileName().toString();
        if (!name.endsWith(".kar")) {
            throw new org.qinglian.platform.api.ValidationException("name", "validation.karName");
        }
        Path file;
        String sha256;
        try {
            file = Files.createTempFile("qinglian-", ".kar");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                long copied = content.transferTo(out);
                if (copied > MAX_KAR_BYTES) {
                    Files.deleteIfExists(file);
                    throw new ProblemException(413, "too-large", "problem.karTooLarge");
                }
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The KAR could not be received", e);
        }
        if (!published().getOrDefault(name, "").equalsIgnoreCase(sha256)) {
            deleteQuietly(file);
            audit.recordSeparately(AuditEvent.of("module.kar", FEATURE, name).actor(actor())
                    .outcome(AuditEvent.Outcome.DENIED).detail("sha256=" + sha256));
            throw new ProblemException(422, "kar-refused", "problem.karNotPublished", name);
        }
        Job job;
        synchronized (jobs) {
            job = remember(new Job(name, Action.INSTALL, actor()));
        }
        worker.execute(() -> {
            job.running(clock.now());
            try {
                job.step("job.step.installing", 10);
                kars.install(file.toUri());
                job.succeeded(clock.now());
                audit(job, AuditEvent.Outcome.SUCCESS, "sha256=" + sha256);
            } catch (Exception e) {
                job.failed(clock.now(), String.valueOf(e.getMessage()));
                audit(job, AuditEvent.Outcome.FAILURE, String.valueOf(e.getMessage()));
                LOG.error("KAR {} could not be installed", name, e);
            } finally {
                deleteQuietly(file);
            }
        });
        return job.dto();
    }

    /** The published checksums: file name → SHA-256 (hex). */
    private Map<String, String> published() {
        Path list = Path.of(System.getProperty("karaf.base", "."), config.checksums());
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    String[] parts = line.strip().split("\\s+\\*?");
                    if (parts.length == 2 && !line.startsWith("#")) {
                        sums.put(parts[1], parts[0]);
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("The KAR checksum list {} cannot be read", list, e);
        }
        return sums;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    /** Runs work on the worker thread (so dry runs never overlap a change) and waits for it. */
    private <T> T onWorker(java.util.concurrent.Callable<T> work) {
        Future<T> result = worker.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
