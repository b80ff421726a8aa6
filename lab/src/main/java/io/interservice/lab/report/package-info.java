/** What a comparison writes: the console table, results.json, report.md and report.html. */
@NullMarked
package io.interservice.lab.report;

import org.jspecify.annotations.NullMarked;
