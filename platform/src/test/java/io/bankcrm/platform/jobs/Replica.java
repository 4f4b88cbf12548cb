package io.bankcrm.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.config.PlatformConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/**
 * Another instance of the service, as far as jobs go: a second {@link JobRunner} with its own workers and
 * heartbeat on the same database, which a test can kill as SIGKILL would.
 */
public final class Replica implements AutoCloseable {

    private final JobRunner runner;

    private Replica(JobRunner runner) {
        this.runner = runner;
    }

    public static Replica start() {
        var container = Arc.container();
        Instance<JobHandler> handlers = container.select(JobHandler.class, Any.Literal.INSTANCE);
        JobRunner runner = new JobRunner(handlers, container.instance(EntityManager.class).get(),
                container.instance(ObjectMapper.class).get(), container.instance(PlatformConfig.class).get(),
                container.instance(io.bankcrm.platform.observability.Tracing.class).get());
        runner.start(null);
        return new Replica(runner);
    }

    public String instance() {
        return runner.instance();
    }

    /** Dies as a killed process would: no heartbeat, workers gone, nothing released. */
    public void kill() {
        runner.halt();
    }

    /** The application's own runner: the surviving instance. */
    public static String applicationInstance() {
        return Arc.container().instance(JobRunner.class).get().instance();
    }

    @Override
    public void close() {
        kill();
    }
}
