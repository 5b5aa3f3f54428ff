/** Bad-input corpus, authored input: every problem is an error that stops the build, or a warning, at the file, line and column. Messages pinned as `npm run validate` prints them. */
import { describe, expect, test } from 'vitest';
import { pin } from './run-case.ts';

describe('task files (parseTaskFile)', () => {
  test('task-broken-yaml: error', () => {
    expect(pin('task-broken-yaml')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-broken-yaml.md:3:13 error The frontmatter is not valid YAML: bad indentation of a mapping entry.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('task-yaml-unclosed-quote: error', () => {
    expect(pin('task-yaml-unclosed-quote')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-yaml-unclosed-quote.md:6:1 error The frontmatter is not valid YAML: unexpected end of the stream within a double quoted scalar.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('task-yaml-duplicate-key: error', () => {
    expect(pin('task-yaml-duplicate-key')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-yaml-duplicate-key.md:5:1 error The frontmatter is not valid YAML: duplicated mapping key.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('task-frontmatter-not-mapping: error', () => {
    expect(pin('task-frontmatter-not-mapping')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-frontmatter-not-mapping.md:2:1 error The frontmatter is not a set of "key: value" lines.
        hint: Write one "key: value" per line, e.g. "agent: cicd-engineer".
      test/fixtures/bad-input/tasks/task-frontmatter-not-mapping.md:1:1 warning The task names no agent, so it is shown as unassigned.
        hint: Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter.
      test/fixtures/bad-input/tasks/task-frontmatter-not-mapping.md:1:1 warning The task has no estimate; the critical path leaves it out and progress counts tasks.
        hint: Add "**Estimate:** 2.4 days" (or hours such as "6h", or "2 weeks")."
    `);
  });
  test('task-frontmatter-wrong-types: error', () => {
    expect(pin('task-frontmatter-wrong-types')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-frontmatter-wrong-types.md:4:1 error "estimate" is a set of keys, not one value.
        hint: Write it on one line, e.g. "estimate: 2.4 days"."
    `);
  });
  test('task-missing-title: error', () => {
    expect(pin('task-missing-title')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-missing-title.md:1:1 warning The task has no id in its metadata, its title or its file name, so its file name "task-missing-title" is used.
        hint: Start the title with the id ("# Task 7.1: Build Infrastructure", "# VC-001: Capture") or add "id: \\"7.1\\"" to the frontmatter."
    `);
  });
  test('task-bad-duration: error', () => {
    expect(pin('task-bad-duration')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-bad-duration.md:4:15 warning Cannot read the estimate "ASAP": no number with a unit; it is shown as unknown.
        hint: Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks"."
    `);
  });
  test('task-duration-unknown-unit: error', () => {
    expect(pin('task-duration-unknown-unit')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-duration-unknown-unit.md:4:15 warning Cannot read the estimate "3 fortnights": unknown unit "fortnights"; it is shown as unknown.
        hint: Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks"."
    `);
  });
  test('task-duration-prototype-unit: error', () => {
    expect(pin('task-duration-prototype-unit')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-duration-prototype-unit.md:4:15 warning Cannot read the estimate "2 constructor": unknown unit "constructor"; it is shown as unknown.
        hint: Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks"."
    `);
  });
  test('task-duration-negative: error', () => {
    expect(pin('task-duration-negative')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-duration-negative.md:4:15 warning Cannot read the estimate "-2 days": no number with a unit; it is shown as unknown.
        hint: Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks"."
    `);
  });
  test('task-unknown-status: error', () => {
    expect(pin('task-unknown-status')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-unknown-status.md:5:13 warning Unknown status "Redy to go"; the task is shown as pending.
        hint: Use a status word such as pending, ready, in progress, in review, blocked, on hold, done, complete or cancelled."
    `);
  });
  test('task-missing-agent: error', () => {
    expect(pin('task-missing-agent')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-missing-agent.md:1:1 warning The task names no agent, so it is shown as unassigned.
        hint: Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter."
    `);
  });
  test('task-missing-estimate: error', () => {
    expect(pin('task-missing-estimate')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-missing-estimate.md:1:1 warning The task has no estimate; the critical path leaves it out and progress counts tasks.
        hint: Add "**Estimate:** 2.4 days" (or hours such as "6h", or "2 weeks")."
    `);
  });
  test('task-empty: error', () => {
    expect(pin('task-empty')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-empty.md:1:1 warning The task has no id in its metadata, its title or its file name, so its file name "task-empty" is used.
        hint: Start the title with the id ("# Task 7.1: Build Infrastructure", "# VC-001: Capture") or add "id: \\"7.1\\"" to the frontmatter.
      test/fixtures/bad-input/tasks/task-empty.md:1:1 warning The task names no agent, so it is shown as unassigned.
        hint: Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter.
      test/fixtures/bad-input/tasks/task-empty.md:1:1 warning The task has no estimate; the critical path leaves it out and progress counts tasks.
        hint: Add "**Estimate:** 2.4 days" (or hours such as "6h", or "2 weeks")."
    `);
  });
  test('task-whitespace-only: error', () => {
    expect(pin('task-whitespace-only')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-whitespace-only.md:1:1 warning The task has no id in its metadata, its title or its file name, so its file name "task-whitespace-only" is used.
        hint: Start the title with the id ("# Task 7.1: Build Infrastructure", "# VC-001: Capture") or add "id: \\"7.1\\"" to the frontmatter.
      test/fixtures/bad-input/tasks/task-whitespace-only.md:1:1 warning The task names no agent, so it is shown as unassigned.
        hint: Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter.
      test/fixtures/bad-input/tasks/task-whitespace-only.md:1:1 warning The task has no estimate; the critical path leaves it out and progress counts tasks.
        hint: Add "**Estimate:** 2.4 days" (or hours such as "6h", or "2 weeks")."
    `);
  });
  test('task-binary: error', () => {
    expect(pin('task-binary')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-binary.md:1:80 error The file is binary, not text (it holds a NUL byte here), so it was not read as a task file.
        hint: Replace it with the Markdown file, saved as UTF-8 text."
    `);
  });
  test('task-deep-html: error', () => {
    expect(pin('task-deep-html')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-deep-html.md:6:601 error The file nests 101 HTML elements inside each other here; pages render at most 100 levels, so it was not read.
        hint: Flatten the structure: close the HTML elements, or write the deep part as a code block."
    `);
  });
  test('task-deep-quotes: error', () => {
    expect(pin('task-deep-quotes')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-deep-quotes.md:6:1 error The file nests 3000 block quotes inside each other here; pages render at most 100 levels, so it was not read.
        hint: Flatten the structure: close the HTML elements, or write the deep part as a code block."
    `);
  });
  test('task-huge-5mb: error', () => {
    expect(pin('task-huge-5mb')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-huge-5mb.md:1:1 error The file is 5.1 MB; a task file may be at most 256 KB, so it was not read.
        hint: Check that this is the right file: logs and data belong in hooks/ or in a file of their own, not in the Markdown."
    `);
  });
  test('task-bom-broken-yaml: error', () => {
    expect(pin('task-bom-broken-yaml')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-bom-broken-yaml.md:6:11 error The frontmatter is not valid YAML: bad indentation of a mapping entry.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('task-crlf-broken-yaml: error', () => {
    expect(pin('task-crlf-broken-yaml')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-crlf-broken-yaml.md:6:11 error The frontmatter is not valid YAML: bad indentation of a mapping entry.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('task-mojibake: warning', () => {
    expect(pin('task-mojibake')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-mojibake.md:5:1 warning Repaired 2 garbled character sequences (UTF-8 read as Mac Roman).
        hint: Save the file as UTF-8 to keep emoji and symbols intact."
    `);
  });
  test('task-yaml-alias-bomb: error', () => {
    expect(pin('task-yaml-alias-bomb')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-yaml-alias-bomb.md:8:36 error The frontmatter's aliases ("*name") repeat more than 10,000 values by this one, so it was not read.
        hint: Write the values out instead of repeating them through anchors and aliases ("&name", "*name"): aliases of lists of aliases multiply."
    `);
  });
  test('task-yaml-alias-chain: error', () => {
    expect(pin('task-yaml-alias-chain')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-yaml-alias-chain.md:106:14 error This alias nests the frontmatter's values 101 levels deep, more than 100, so it was not read.
        hint: Write the values out instead of repeating them through anchors and aliases ("&name", "*name"): aliases of lists of aliases multiply."
    `);
  });
  test('task-emphasis-runs: warning', () => {
    expect(pin('task-emphasis-runs')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-emphasis-runs.md:6:1 warning This paragraph holds 300 emphasis and link marks ("*", "_", "~", "[", "]"); more than 200 in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written.
        hint: Split the paragraph, or put the text in a code block (between "\`\`\`" lines) if it is data."
    `);
  });
  test('task-smart-quote-runs: warning', () => {
    expect(pin('task-smart-quote-runs')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-smart-quote-runs.md:6:1 warning This paragraph holds 300 quotes, apostrophes, dashes and dots; more than 200 in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written.
        hint: Split the paragraph, or put the text in a code block (between "\`\`\`" lines) if it is data."
    `);
  });
  test('task-lazy-lines: warning', () => {
    expect(pin('task-lazy-lines')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-lazy-lines.md:7:1 warning 301 lines here and below continue a block quote or list without its marker; more than 200 in one paragraph would take the Markdown reader minutes, so each was given the marker of the line it continues.
        hint: Start each line of a quote with ">", and indent the lines of a list item as far as its text."
    `);
  });
  test('task-chained-list-markers: error', () => {
    expect(pin('task-chained-list-markers')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/tasks/task-chained-list-markers.md:6:1 error The file nests 150 lists inside each other here; pages render at most 100 levels, so it was not read.
        hint: Flatten the structure: close the HTML elements, or write the deep part as a code block."
    `);
  });
});

describe('overviews (parseOverview)', () => {
  test('overview-no-title: warning', () => {
    expect(pin('overview-no-title')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-no-title.md:1:1 warning The overview has no "# Title" heading, so the folder name is used as the phase title.
        hint: Start the file with a heading such as "# Phase 7: Quality & Infrastructure"."
    `);
  });
  test('overview-no-metrics-table: warning', () => {
    expect(pin('overview-no-metrics-table')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-no-metrics-table.md:1:1 warning The section "Phase 1: Metrics as a list" has no table with Metric and Target columns, so no metric has a target.
        hint: Write the metrics as a table: | Metric | Baseline | Target |, one row per metric."
    `);
  });
  test('overview-metrics-missing-target-column: warning', () => {
    expect(pin('overview-metrics-missing-target-column')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-metrics-missing-target-column.md:5:1 warning The success metrics table has no Target column (its columns: Metric, Baseline, Impact), so it is not read and no metric has a target.
        hint: Add a "Target" column: | Metric | Baseline | Target |, with a target such as "<20" or "at least 80%" in each row."
    `);
  });
  test('overview-metrics-ragged-rows: warning', () => {
    expect(pin('overview-metrics-ragged-rows')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-metrics-ragged-rows.md:7:1 warning The success metrics row "Clippy Warnings" has 2 of the table's 4 cells; Target, Impact are read as empty.
        hint: Give every row one cell per column ("| | " for an empty one).
      test/fixtures/bad-input/overview/overview-metrics-ragged-rows.md:9:1 warning The success metrics row "Build Time" has 1 of the table's 4 cells; Baseline, Target, Impact are read as empty.
        hint: Give every row one cell per column ("| | " for an empty one)."
    `);
  });
  test('overview-metrics-empty-label: warning', () => {
    expect(pin('overview-metrics-empty-label')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-metrics-empty-label.md:8:1 warning A success metrics row has no metric name and is left out.
        hint: Name the metric in the first column."
    `);
  });
  test('overview-broken-frontmatter: error', () => {
    expect(pin('overview-broken-frontmatter')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-broken-frontmatter.md:4:1 error The frontmatter is not valid YAML: unexpected end of the stream within a flow collection.
        hint: Fix the YAML between the two "---" lines; quote values that contain ":" or start with a special character."
    `);
  });
  test('overview-mojibake: warning', () => {
    expect(pin('overview-mojibake')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-mojibake.md:1:1 warning Repaired 2 garbled character sequences (UTF-8 read as Mac Roman).
        hint: Save the file as UTF-8 to keep emoji and symbols intact."
    `);
  });
  test('overview-empty: warning', () => {
    expect(pin('overview-empty')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/overview/overview-empty.md:1:1 warning The overview has no "# Title" heading, so the folder name is used as the phase title.
        hint: Start the file with a heading such as "# Phase 7: Quality & Infrastructure"."
    `);
  });
});

describe('baseline and final metrics (parseMetricsJson)', () => {
  test('metrics-missing-comma: error', () => {
    expect(pin('metrics-missing-comma')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-missing-comma.json:3:3 error The file is not valid JSON: Expected ',' or '}' after property value in JSON at position 28 (line 3 column 3).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-truncated: error', () => {
    expect(pin('metrics-truncated')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-truncated.json:4:30 error The file is not valid JSON: Unterminated string in JSON at position 77 (line 4 column 30).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-empty: error', () => {
    expect(pin('metrics-empty')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-empty.json:1:1 error The file is not valid JSON: Unexpected end of JSON input.
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-top-level-array: error', () => {
    expect(pin('metrics-top-level-array')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-top-level-array.json:1:1 error The file must hold one JSON object of metric names and values.
        hint: Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}."
    `);
  });
  test('metrics-top-level-string: error', () => {
    expect(pin('metrics-top-level-string')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-top-level-string.json:1:1 error The file must hold one JSON object of metric names and values.
        hint: Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}."
    `);
  });
  test('metrics-top-level-number: error', () => {
    expect(pin('metrics-top-level-number')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-top-level-number.json:1:1 error The file must hold one JSON object of metric names and values.
        hint: Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}."
    `);
  });
  test('metrics-top-level-null: error', () => {
    expect(pin('metrics-top-level-null')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-top-level-null.json:1:1 error The file must hold one JSON object of metric names and values.
        hint: Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}."
    `);
  });
  test('metrics-nan-literal: error', () => {
    expect(pin('metrics-nan-literal')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-nan-literal.json:3:15 error The file is not valid JSON: Unexpected token 'N'.
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-infinity-literal: error', () => {
    expect(pin('metrics-infinity-literal')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-infinity-literal.json:2:22 error The file is not valid JSON: Unexpected token 'I'.
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-huge-numbers: warning', () => {
    expect(pin('metrics-huge-numbers')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-huge-numbers.json:3:1 warning "loc" is too large for a number (it reads as Infinity), so it is not shown as a metric.
        hint: Write the value as text ("1e400") or in a larger unit.
      test/fixtures/bad-input/metrics/metrics-huge-numbers.json:4:1 warning "delta" is too large for a number (it reads as -Infinity), so it is not shown as a metric.
        hint: Write the value as text ("1e400") or in a larger unit."
    `);
  });
  test('metrics-nested-arrays: warning', () => {
    expect(pin('metrics-nested-arrays')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-nested-arrays.json:3:1 warning "flaky_tests" is a list, not one value, so it is not shown as a metric.
        hint: Give each measured value its own key, or nest them in an object."
    `);
  });
  test('metrics-nested-array-same-key: warning', () => {
    expect(pin('metrics-nested-array-same-key')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-nested-array-same-key.json:4:1 warning "e2e.count" is a list, not one value, so it is not shown as a metric.
        hint: Give each measured value its own key, or nest them in an object."
    `);
  });
  test('metrics-deep-nesting: warning', () => {
    expect(pin('metrics-deep-nesting')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-deep-nesting.json:1:1 warning "deep.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a" is nested more than 16 levels deep; what is inside it is not read.
        hint: Flatten the file: nest metrics one or two levels at most."
    `);
  });
  test('metrics-trailing-comma: error', () => {
    expect(pin('metrics-trailing-comma')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-trailing-comma.json:4:1 error The file is not valid JSON: Expected double-quoted property name in JSON at position 48 (line 4 column 1).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-comment: error', () => {
    expect(pin('metrics-comment')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-comment.json:2:26 error The file is not valid JSON: Expected double-quoted property name in JSON at position 27 (line 2 column 26).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('metrics-bom-trailing-comma: error', () => {
    expect(pin('metrics-bom-trailing-comma')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/metrics/metrics-bom-trailing-comma.json:3:1 error The file is not valid JSON: Expected double-quoted property name in JSON at position 27 (line 3 column 1).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
});

describe('targets (parseOverview + deriveMetrics)', () => {
  test('target-soon: warning', () => {
    expect(pin('target-soon')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/targets/target-soon.md:7:1 warning The target "soon" of "Clippy Warnings" is not a number, range or version, so its verdict stays unknown.
        hint: Write a target Cairn can check, such as "<20", "at least 80%", "-25 to -40%" or "2.0.0", or "TBD" until it is set."
    `);
  });
  test('target-approximately: warning', () => {
    expect(pin('target-approximately')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/targets/target-approximately.md:7:1 warning The target "≈ 3" of "Clippy Warnings" is not a number, range or version, so its verdict stays unknown.
        hint: Write a target Cairn can check, such as "<20", "at least 80%", "-25 to -40%" or "2.0.0", or "TBD" until it is set."
    `);
  });
  test('target-na-percent: warning', () => {
    expect(pin('target-na-percent')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/targets/target-na-percent.md:7:1 warning The target "n/a%" of "Clippy Warnings" is not a number, range or version, so its verdict stays unknown.
        hint: Write a target Cairn can check, such as "<20", "at least 80%", "-25 to -40%" or "2.0.0", or "TBD" until it is set."
    `);
  });
  test('target-operator-only: warning', () => {
    expect(pin('target-operator-only')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/targets/target-operator-only.md:7:1 warning The target "<" of "Clippy Warnings" is not a number, range or version, so its verdict stays unknown.
        hint: Write a target Cairn can check, such as "<20", "at least 80%", "-25 to -40%" or "2.0.0", or "TBD" until it is set."
    `);
  });
});

describe('whole packages (loadContent)', () => {
  test('package-missing-readme: error', () => {
    expect(pin('package-missing-readme')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-missing-readme/phases/phase-1/README.md:1:1 warning The phase folder test/fixtures/bad-input/packages/package-missing-readme/phases/phase-1 has no overview (README.md), so the folder name is its title and it has no metrics or success criteria.
        hint: Add a README.md with a "# Phase N: Title" heading, **Status:** and the success metrics table."
    `);
  });
  test('package-duplicate-task-id: error', () => {
    expect(pin('package-duplicate-task-id')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-duplicate-task-id/phases/phase-1/task-1.1-tests.md:1:1 warning Task id 1.1 is also used by test/fixtures/bad-input/packages/package-duplicate-task-id/phases/phase-1/task-1.1-setup.md; this file is left out.
        hint: Give every task in a phase its own id."
    `);
  });
  test('package-unknown-dependency: error', () => {
    expect(pin('package-unknown-dependency')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-unknown-dependency/phases/phase-1/task-1.2-tests.md:6:34 warning Task 1.2 depends on task 1.9, which is in no phase; the dependency is left out of the schedule.
        hint: Tasks of this phase: 1.1, 1.2. If 1.9 was renamed, use its new id; work outside the content root reads best as "Phase 6 complete"."
    `);
  });
  test('package-cycle: error', () => {
    expect(pin('package-cycle')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-cycle/phases/phase-1/task-1.1-setup.md:6:24 error Dependency cycle: 1.1 → 1.3 → 1.2 → 1.1. None of these tasks could ever start.
        hint: Remove one of the dependencies in the cycle."
    `);
  });
  test('package-self-dependency: error', () => {
    expect(pin('package-self-dependency')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-self-dependency/phases/phase-1/task-1.1-setup.md:6:24 error Dependency cycle: 1.1 → 1.1. None of these tasks could ever start.
        hint: Remove one of the dependencies in the cycle."
    `);
  });
  test('package-no-tasks: warning', () => {
    expect(pin('package-no-tasks')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-no-tasks/phases/phase-1/README.md:1:1 error No task was found in test/fixtures/bad-input/packages/package-no-tasks/phases/phase-1: Cairn saw one file (README.md) and tried every reader (GitHub Spec Kit tasks.md, Kiro tasks.md, Taskmaster tasks.json, claude-flow v3 task store (.claude-flow/tasks/store.json), Claude Code task list (<id>.json files), Backlog.md board, BMAD stories, ccpm epic, board of status folders, Markdown task files); none found a task, so the phase would be shown with nothing to judge.
        hint: Add one Markdown file per task ("# Task 7.1: Build"), point the content at your tool's own folder (specs/, .kiro/specs/, .taskmaster/, backlog/, .claude/epics/), or set "allowEmpty": true in cairn.config.json to build phases that have no tasks yet. \`cairn doctor\` shows what each file was read as."
    `);
  });
  test('package-unknown-frontmatter-key: warning', () => {
    expect(pin('package-unknown-frontmatter-key')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-unknown-frontmatter-key/phases/phase-1/README.md:1:1 warning Metadata not read: colour (1 file), reviewers (1 file).
        hint: These keys stay on the task pages but nothing is computed from them. Cairn reads agent (or owner, assignee), estimate (or effort, duration, time estimate), status, dependencies (or depends on, blocked by), priority, task id, started, completed, created, updated, labels, parent, memory keys; rename a key if it means one of those."
    `);
  });
  test('package-no-phases-folder: error', () => {
    expect(pin('package-no-phases-folder')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-no-phases-folder/phases:1:1 error The content folder has no phases/ folder, and is not a folder of task lists Cairn reads (Spec Kit's specs/, Kiro's .kiro/specs/, Taskmaster's .taskmaster/, a Backlog.md board, BMAD's stories, ccpm's .claude/epics/, a board of status folders, claude-flow's .claude-flow/tasks/store.json, Claude Code's task lists).
        hint: Put each coordination package in phases/<phase-id>/ (README.md, task-*.md, baseline-metrics.json), or point the content at your tool's folder (specs/, .kiro/specs/, .taskmaster/, backlog/, docs/stories/, .claude/epics/, a folder of backlog/, in_progress/ and completed/, the repository holding .claude-flow/, a copy of ~/.claude/tasks/)."
    `);
  });
  test('package-bad-final-metrics: error', () => {
    expect(pin('package-bad-final-metrics')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-bad-final-metrics/phases/phase-1/final-metrics.json:3:17 error The file is not valid JSON: Expected ',' or '}' after property value in JSON at position 42 (line 3 column 17).
        hint: Fix the JSON syntax (a missing comma or quote is the usual cause); validate with \`npx json5 --validate\` or an editor."
    `);
  });
  test('package-baseline-disagrees: warning', () => {
    expect(pin('package-baseline-disagrees')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/package-baseline-disagrees/phases/phase-1/README.md:9:1 warning The baseline of "Clippy Warnings" is 12 here but 14 in test/fixtures/bad-input/packages/package-baseline-disagrees/phases/phase-1/baseline-metrics.json; the file's value is used.
        hint: Make the two agree, or leave the Baseline cell as "TBD" and keep the number in baseline-metrics.json."
    `);
  });
});

describe('names and tables of made packages (loadContent)', () => {
  test('package-reserved-phase-name: error', () => {
    expect(pin('package-reserved-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/releases:1:1 error The phase folder cannot be published: its name "releases" is also the address of the site's own releases page or folder.
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-unroutable-phase-name: error', () => {
    expect(pin('package-unroutable-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase[1]:1:1 error The phase folder cannot be published: its name "phase[1]" has characters an address cannot hold: "[" (U+005B), "]" (U+005D) (only letters, digits, spaces, ".", "_" and "-" can be used, starting with a letter or digit).
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-secret-in-phase-name: error', () => {
    expect(pin('package-secret-in-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1-[redacted: github-token]:1:1 error The phase folder cannot be published: its name holds a secret (1 × github-token), and the name becomes the address of its pages.
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-task-pages-collide: error', () => {
    expect(pin('package-task-pages-collide')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/task-1.1.md:1:1 error This file and task-1.1.MD would have the same page (task-1.1), so one of them would be lost.
        hint: Rename one of the two files; names that differ only in upper and lower case share a page."
    `);
  });
  test('package-phase-names-differ-in-case: error', () => {
    expect(pin('package-phase-names-differ-in-case')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-7:1:1 error The phase folders Phase-7 and phase-7 differ only in upper and lower case (or in how an accent is written); on a case-insensitive file system (macOS, Windows) they are one folder, and one phase's pages would overwrite the other's.
        hint: Rename one of the two folders, or merge them."
    `);
  });
  test('package-bidi-in-phase-name: error', () => {
    expect(pin('package-bidi-in-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1\\u202e7:1:1 error The phase folder cannot be published: its name "phase-1\\u202e7" holds U+202E, a bidirectional control character, which shows the name in another order than it is written.
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-look-alike-phase-name: error', () => {
    expect(pin('package-look-alike-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/phаse-7:1:1 error The phase folder cannot be published: its name "phаse-7" mixes Latin letters with U+0430 ("а", a Cyrillic letter drawn like "a") in "phаse", so it looks like "phase-7" but is another address.
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-fullwidth-digit-in-phase-name: error', () => {
    expect(pin('package-fullwidth-digit-in-phase-name')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-７:1:1 error The phase folder cannot be published: its name "phase-７" mixes ASCII with U+FF17 ("７", a compatibility form of "7"), so it looks like "phase-7" but is another address.
        hint: Rename the folder, e.g. "phase-8"."
    `);
  });
  test('package-zero-width-in-task-file: error', () => {
    expect(pin('package-zero-width-in-task-file')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/task-1.2\\u200b.md:1:1 error The file cannot be published: its name "task-1.2\\u200b" holds U+200B, an invisible character, so it looks like "task-1.2" but is another address.
        hint: Rename the file, e.g. "task-7.5-release.md"."
    `);
  });
  test('package-look-alike-task-file: error', () => {
    expect(pin('package-look-alike-task-file')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/task-1.2-sеtup.md:1:1 error The file cannot be published: its name "task-1.2-sеtup" mixes Latin letters with U+0435 ("е", a Cyrillic letter drawn like "e") in "sеtup", so it looks like "task-1.2-setup" but is another address.
        hint: Rename the file, e.g. "task-7.5-release.md"."
    `);
  });
  test('package-bidi-in-task-id: error', () => {
    expect(pin('package-bidi-in-task-id')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/setup.md:2:1 error The task id cannot be used: its id "setup\\u2067-1" holds U+2067, a bidirectional control character, which shows the id in another order than it is written.
        hint: Write the id in plain letters and digits, e.g. "7.1" or "VC-001"."
    `);
  });
  test('package-task-ids-differ-in-case: error', () => {
    expect(pin('package-task-ids-differ-in-case')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/review.md:2:1 error Task ids VC-001 (<tmp>/phases/phase-1/capture.md) and vc-001 differ only in upper and lower case, so readers and dependencies cannot tell them apart.
        hint: Give one of the two tasks another id."
    `);
  });
  test('package-hidden-phase-folder: warning', () => {
    expect(pin('package-hidden-phase-folder')).toMatchInlineSnapshot(`
      "<tmp>/phases/...:1:1 warning The folder ... under phases/ is hidden (its name starts with a dot), so it is not read as a phase.
        hint: Rename it without the leading dot if it is a phase."
    `);
  });
  test('package-phases-linked-outside: error', () => {
    expect(pin('package-phases-linked-outside')).toMatchInlineSnapshot(`
      "<tmp>/site/phases:1:1 error <tmp>/site/phases is a symbolic link to a place outside the content root; Cairn does not read it.
        hint: Copy the file into the content folder, or point the link at a file inside it."
    `);
  });
  test('package-releases-linked-outside: error', () => {
    expect(pin('package-releases-linked-outside')).toMatchInlineSnapshot(`
      "<tmp>/site/releases:1:1 error <tmp>/site/releases is a symbolic link to a place outside the content root; Cairn does not read it.
        hint: Copy the file into the content folder, or point the link at a file inside it."
    `);
  });
  test('package-overview-table-disagrees: warning', () => {
    expect(pin('package-overview-table-disagrees')).toMatchInlineSnapshot(`
      "<tmp>/phases/phase-1/README.md:5:1 warning The task table and task 1.1's file disagree: estimate "3 days" here, "1 day" in task-1.1.md:4. The task file is used.
        hint: Update this row of the table (or the task file) so that both say the same."
    `);
  });
});
