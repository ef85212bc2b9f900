package dev.quantlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Wraps {@code --help} texts only at spaces. Picocli wraps with Java's line {@link java.text.BreakIterator}, which
 * also breaks after {@code .} and {@code /}, splitting paths such as {@code ../shared/data} and
 * {@code ~/.quantlab} across lines. Here each section is rendered unwrapped, then wrapped at spaces to the usage
 * width, continuation lines indented like picocli's (under the description column, or under the first argument of
 * the synopsis). A word longer than the line is left whole.
 */
final class HelpWrapping {
    /** Wide enough that picocli wraps nothing. */
    private static final int UNWRAPPED = 10_000;

    private HelpWrapping() { }

    /** Installs the wrapping on {@code cl} and all its subcommands. */
    static void install(CommandLine cl) {
        int width = cl.getCommandSpec().usageMessage().width();
        Map<String, IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        for (Map.Entry<String, IHelpSectionRenderer> e : new ArrayList<>(sections.entrySet())) {
            IHelpSectionRenderer original = e.getValue();
            boolean synopsis = CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS.equals(e.getKey());
            sections.put(e.getKey(), help -> {
                CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
                int before = usage.width();
                usage.width(UNWRAPPED);
                try {
                    String text = original.render(new CommandLine.Help(help.commandSpec(), help.colorScheme()));
                    return synopsis ? wrapSynopsis(text, width, help.synopsisHeading().length()) : wrap(text, width);
                } finally {
                    usage.width(before);
                }
            });
        }
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getHelpSectionMap() != sections) {
                install(sub);
            }
        }
    }

    /**
     * The synopsis ({@code quantlab kmeans [-hV] ...}, printed after a heading of {@code headingLength} characters):
     * wrapped with its continuation lines under the first option.
     */
    static String wrapSynopsis(String text, int width, int headingLength) {
        String line = text.stripTrailing();
        int at = line.indexOf(" [");
        int indent = headingLength + (at > 0 && at < 40 ? at + 1 : 0);
        List<String> lines = wrapWords(" ".repeat(headingLength) + line, width, indent);
        String joined = String.join("\n", lines).substring(headingLength);
        return joined + "\n";
    }

    /** {@code text} with every line longer than {@code width} wrapped at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.join("\n", wrapLine(lines[i], width)));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> wrapLine(String line, int width) {
        if (line.stripTrailing().length() <= width) {
            return List.of(line);
        }
        String trimmed = line.stripTrailing();
        return wrapWords(trimmed, width, continuationIndent(trimmed));
    }

    private static List<String> wrapWords(String trimmed, int width, int indentWidth) {
        String indent = " ".repeat(indentWidth);
        List<String> out = new ArrayList<>();
        String rest = trimmed;
        String prefix = "";
        while (prefix.length() + rest.length() > width) {
            int room = width - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            int minCut = prefix.isEmpty() ? Math.max(1, firstWordEnd(rest, indentWidth)) : 1;
            if (cut < minCut) {
                cut = rest.indexOf(' ', Math.max(room, minCut));
                if (cut < 0) {
                    break;
                }
            }
            out.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            prefix = indent;
        }
        out.add(prefix + rest);
        return out;
    }

    private static int firstWordEnd(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Where continuation lines start: the description column, the synopsis' first argument, else the indent. */
    static int continuationIndent(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        int gap = line.indexOf("  ", lead);
        if (lead > 0 && gap > 0 && gap < 60) {
            int desc = gap;
            while (desc < line.length() && line.charAt(desc) == ' ') {
                desc++;
            }
            return desc;
        }
        return lead;
    }
}
