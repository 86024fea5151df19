package io.jenkins.plugins.codebuildspec;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.actions.PhaseRow;
import io.jenkins.plugins.codebuildspec.actions.ReportSummary;
import io.jenkins.plugins.codebuildspec.credentials.CredentialBinding;
import io.jenkins.plugins.codebuildspec.steps.CodeBuildSpecBuilder;
import io.jenkins.plugins.codebuildspec.steps.EnvironmentVariable;

/**
 * Job configurations and build records saved before the plugin's classes moved out of the flat
 * {@code io.jenkins.plugins.codebuildspec.jenkins} package still load: their old class names are aliases.
 */
public final class Compatibility {
    private static final String OLD = "io.jenkins.plugins.codebuildspec.jenkins.";

    private Compatibility() {
    }

    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void aliasMovedClasses() {
        Items.XSTREAM2.addCompatibilityAlias(OLD + "CodeBuildSpecBuilder", CodeBuildSpecBuilder.class);
        Items.XSTREAM2.addCompatibilityAlias(OLD + "CredentialBinding", CredentialBinding.class);
        Items.XSTREAM2.addCompatibilityAlias(OLD + "EnvironmentVariable", EnvironmentVariable.class);
        Run.XSTREAM2.addCompatibilityAlias(OLD + "BuildResultAction", BuildResultAction.class);
        Run.XSTREAM2.addCompatibilityAlias(OLD + "BuildResultAction$PhaseRow", PhaseRow.class);
        // PhaseRow was nested in BuildResultAction until the result page grew its timeline.
        Run.XSTREAM2.addCompatibilityAlias(BuildResultAction.class.getName() + "$PhaseRow", PhaseRow.class);
        Run.XSTREAM2.addCompatibilityAlias(OLD + "ReportSummary", ReportSummary.class);
    }
}
