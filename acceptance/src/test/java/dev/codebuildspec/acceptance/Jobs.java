package dev.codebuildspec.acceptance;

/** config.xml of the jobs the suite makes, as a user's would be. */
final class Jobs {
    private Jobs() {
    }

    static String pipeline(String script) {
        return "<flow-definition plugin=\"workflow-job\"><definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">"
                + "<script>" + xml(script) + "</script><sandbox>true</sandbox></definition></flow-definition>";
    }

    /** A freestyle job on {@code label} whose one build step is the plugin's, with an inline buildspec. */
    static String freestyle(String label, String image, String inline, String moreFields) {
        return "<project><assignedNode>" + xml(label) + "</assignedNode><canRoam>false</canRoam><builders>"
                + "<io.jenkins.plugins.codebuildspec.steps.CodeBuildSpecBuilder><step>"
                + "<image>" + xml(image) + "</image><buildspec>buildspec.yml</buildspec><inline>" + xml(inline) + "</inline>"
                + "<timeoutMinutes>60</timeoutMinutes><runAsRoot>true</runAsRoot>" + moreFields
                + "</step></io.jenkins.plugins.codebuildspec.steps.CodeBuildSpecBuilder></builders></project>";
    }

    /** The same job as a configuration saved before the builder held the step's options (flat fields). */
    static String freestyleSavedFlat(String label, String image, String inline, String moreFields) {
        return freestyle(label, image, inline, moreFields).replace("<step>", "").replace("</step>", "");
    }

    /** A scripted Pipeline: on {@code label}, the step with {@code options} (", batch: true", say) and the buildspec. */
    static String step(String label, String image, String options, String buildspec) {
        return "node('" + label + "') {\n    codebuildSpec image: '" + image + "'" + options + ", inline: " + groovy(buildspec)
                + "\n}\n";
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A Groovy single-quoted string literal (no interpolation) holding {@code s}. */
    static String groovy(String s) {
        return "'''" + s.replace("\\", "\\\\").replace("'''", "\\'\\'\\'") + "'''";
    }
}
