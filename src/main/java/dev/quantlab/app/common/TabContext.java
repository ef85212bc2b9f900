package dev.quantlab.app.common;

import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.services.AppServices;

/**
 * What a tab gets to work with: the services, the export commands and the prompts for missing inputs.
 *
 * @param services model, data, evaluation, jobs and executors
 * @param export   chart/table export commands
 * @param prompts  what to do when the model or the data is missing
 */
public record TabContext(AppServices services, ExportActions export, Prompts prompts) { }
