package io.jenkins.plugins.codebuildspec.ui;

import io.jenkins.plugins.codebuildspec.Messages;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Functions;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.Permission;
import dev.codebuildspec.run.BuildLimits;
import hudson.util.FormValidation;
import java.math.BigDecimal;
import hudson.util.ListBoxModel;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.Diagnostic;
import dev.codebuildspec.parse.ParseResult;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** Form filling and validation shared by the builder's and the step's descriptors. */
public final class Forms {
    private static final Pattern IMAGE = Pattern.compile("[^\\s$]+");

    private Forms() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Whether the current user may configure {@code item} (or Jenkins, outside any item). */
    public static boolean canConfigure(Item item) {
        if (item == null) {
            return Jenkins.get().getACL().hasPermission(Jenkins.ADMINISTER);
        }
        return Functions.hasAnyPermission(item, new Permission[] {Item.CONFIGURE});
    }

    private static boolean canListCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().getACL().hasPermission(Jenkins.ADMINISTER);
        }
        return Functions.hasAnyPermission(item, new Permission[] {Item.EXTENDED_READ, CredentialsProvider.USE_ITEM});
    }

    public static <C extends StandardCredentials> ListBoxModel credentialsItems(Item item, String current, Class<C> type) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null || !canListCredentials(item)) {
            // Outside a job (the global Snippet Generator) there is no context to list credentials in.
            model.includeCurrentValue(current);
            return model;
        }
        Authentication auth = item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2;
        model.includeEmptyValue();
        model.includeMatchingAs(auth, item, type, List.of(), CredentialsMatchers.always());
        model.includeCurrentValue(current);
        return model;
    }

    public static <C extends IdCredentials> FormValidation checkCredentialsId(Item item, String value, Class<C> type) {
        if (item == null || !canListCredentials(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning(Messages.Forms_CredentialsExpression());
        }
        Authentication auth = item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2;
        ListBoxModel found = CredentialsProvider.listCredentialsInItem(type, item, auth, List.of(),
                CredentialsMatchers.withId(value));
        return found.isEmpty() ? FormValidation.error(Messages.Forms_NoSuchCredentials(value)) : FormValidation.ok();
    }

    public static FormValidation checkVariableName(Item item, String value, boolean required) {
        if (!canConfigure(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return required ? FormValidation.error(Messages.Forms_VariableRequired()) : FormValidation.ok();
        }
        return BuildLimits.variableProblem(value.trim()).map(FormValidation::error).orElse(FormValidation.ok());
    }

    public static FormValidation checkImage(Item item, String value, boolean noContainer) {
        if (!canConfigure(item) || noContainer && (value == null || value.isBlank())) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.error(Messages.Forms_ImageRequired());
        }
        return IMAGE.matcher(value.trim()).matches() ? FormValidation.ok() : FormValidation.error(Messages.Forms_BadImage());
    }

    public static FormValidation checkBuildspecPath(Item item, String value) {
        if (!canConfigure(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String v = value.trim();
        if (v.startsWith("/") || v.equals("..") || v.startsWith("../") || v.contains("/../") || v.endsWith("/..")) {
            return FormValidation.error(Messages.Forms_BuildspecOutsideWorkspace());
        }
        return FormValidation.ok();
    }

    /** Parses an inline buildspec as the user types; errors and warnings name line:column. */
    public static FormValidation checkInline(Item item, String value) {
        if (!canConfigure(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        ParseResult result = new BuildspecParser().parse(value, "inline buildspec");
        if (result.hasErrors()) {
            return FormValidation.error(result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        if (!result.warnings().isEmpty()) {
            return FormValidation.warning(result.warnings().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return FormValidation.ok();
    }

    public static FormValidation checkTimeout(Item item, String value) {
        if (!canConfigure(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            return BuildLimits.timeoutProblem(BigDecimal.valueOf(Integer.parseInt(value.trim())))
                    .map(FormValidation::error).orElse(FormValidation.ok());
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.Forms_BadTimeout());
        }
    }
}
