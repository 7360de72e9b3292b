package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/** The schedules run on a Quartz job store in the shared database, clustered: a trigger fires on one node only. */
class ClusteredSchedulerTest extends HubIntegrationTest {

    /** Each firing: its scheduled time and the scheduler instance that ran it. */
    static final List<String> FIRED_ON = new CopyOnWriteArrayList<>();
    static CountDownLatch firings;

    @Autowired
    private DataSource dataSource;

    @Test
    void camelSchedulesOnTheClusteredJobStoreOfTheDatabase() throws Exception {
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();

        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
        assertThat(scheduler.getSchedulerName()).isEqualTo("billing-hub");
    }

    @Test
    void twoNodesFireEachTriggerOnce() throws Exception {
        Scheduler nodeA = scheduler("node-a");
        Scheduler nodeB = scheduler("node-b");
        FIRED_ON.clear();
        firings = new CountDownLatch(6);
        try {
            nodeA.start();
            nodeB.start();
            // six firings, 50 ms apart, stored once in the shared tables
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("six-times", "cluster-test")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(50)
                            .withRepeatCount(5)).build();
            nodeA.scheduleJob(JobBuilder.newJob(Count.class).withIdentity("count", "cluster-test").build(), trigger);

            assertThat(firings.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            nodeA.shutdown(true);
            nodeB.shutdown(true);
        }
        // both nodes done: each of the six scheduled firings ran exactly once, on one node or the other
        assertThat(FIRED_ON).hasSize(6);
        assertThat(FIRED_ON.stream().map(f -> f.split(" ")[0]).distinct()).hasSize(6);
        assertThat(FIRED_ON).allMatch(f -> f.endsWith(" node-a") || f.endsWith(" node-b"));
    }

    private Scheduler scheduler(String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setSchedulerName("cluster-test");
        factory.setAutoStartup(false);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        factory.setQuartzProperties(properties);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    /** Records where it ran. */
    public static class Count implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                FIRED_ON.add(context.getScheduledFireTime().getTime() + " "
                        + context.getScheduler().getSchedulerInstanceId());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            firings.countDown();
        }
    }
}
