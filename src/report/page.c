/* SPDX-License-Identifier: MIT */
/*
 * page.c — the report's page (at_report_html): the head with its
 * Content-Security-Policy, the CSS, the sections in reading order, and the
 * one inline script, allowed by its hash (REPORT_SCRIPT_HASH: recompute it
 * when the script changes). The page is built in memory and written at the
 * end, so rendering does no I/O.
 *
 * Safety: every input string goes through at_report__esc; only http(s)
 * URLs become links; a Content-Security-Policy allows no network request
 * and no script but ours (by its hash), so even a missed escape could not
 * run code.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page's cap: far above any ledger we expect, far below trouble. */
#define REPORT_MAX_BYTES ((size_t)1 << 30)

/* ---- the page ----------------------------------------------------------- */

static const char css[] =
	"*{box-sizing:border-box}"
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu "
	"Sans',sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0 auto;padding:16px 24px;max-width:1240px}"
	"h1{font-size:24px;margin:0 0 2px}h2{font-size:18px;margin:28px 0 6px;"
	"border-bottom:2px solid #222;padding-bottom:2px}"
	".meta,.sub,.note{color:#555}.sub{font-size:12px}.note{font-size:12.5px;margin:4px 0}"
	".unknown{color:#666;font-style:italic}.lead{font-size:17px;margin:10px 0 0}"
	".cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:12px}"
	".card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:150px}"
	".card.wide{flex:1 1 "
	"380px;max-width:640px}.big{font-size:28px;font-weight:700;line-height:1.1}"
	".cards .sub span{white-space:nowrap}"
	"table{border-collapse:collapse}"
	".money{width:100%}.money caption{text-align:left;font-weight:600;padding-bottom:2px}"
	".money th,.money td{padding:1px 8px 1px 0;text-align:left;font-weight:400}"
	".money .grp th,.money .grp td{font-weight:700;border-top:1px solid #ddd}"
	".money .detail th{padding-left:14px;color:#555}"
	".num{text-align:right;font-variant-numeric:tabular-nums}"
	".money td.num{text-align:right}"
	".legend{font-size:12.5px;margin:4px 0}.legend svg{vertical-align:-2px}"
	".chart{display:block;max-width:100%;height:auto}"
	".chart .axis{fill:#333;font-size:11px}.chart .axis-title{fill:#333;font-size:12px;"
	"font-weight:600}.chart .lane-label{font-weight:700;font-size:13px}"
	".chart .row-label,.chart .col-label{fill:#222;font-size:12px}"
	".chart .cell-label{fill:#222;font-size:10.5px}"
	".mk:hover circle,.mk:focus circle{stroke:#000;stroke-width:2}"
	".flowrow{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}"
	".flowwrap{overflow-x:auto;flex:1 1 520px}.top{flex:0 1 330px}"
	".top h3{font-size:14px;margin:4px 0}.top ol{margin:0;padding-left:22px}"
	".top li{margin-bottom:5px}"
	".tablewrap{overflow-x:auto}"
	"table.events{width:100%;font-size:13px}"
	".events th,.events td{border-bottom:1px solid #ddd;padding:5px 6px;vertical-align:top;"
	"text-align:left;unicode-bidi:isolate;overflow-wrap:anywhere}"
	".events thead th{position:sticky;top:0;background:#eee;border-bottom:2px solid #999;"
	"white-space:nowrap}"
	".events th button{font:inherit;font-weight:700;border:0;background:none;padding:0;"
	"cursor:pointer;color:inherit}"
	".events th[aria-sort=ascending] button::after{content:' \\25B2'}"
	".events th[aria-sort=descending] button::after{content:' \\25BC'}"
	".events td.kw{overflow-wrap:normal}.events "
	"td.date{white-space:nowrap;font-variant-numeric:tabular-nums}"
	".events [title]{text-decoration:underline dotted #999;text-underline-offset:3px}"
	"ul.items,ul.src{margin:0;padding:0;list-style:none}"
	"ul.items li{margin:0 0 1px}ol.ev{margin:4px 0;padding-left:18px;max-width:520px}"
	"ol.ev{min-width:300px}ol.ev "
	"li{margin-bottom:4px}mark{background:#ffe58a;color:inherit}"
	"summary{cursor:pointer;color:#0b57a4;white-space:nowrap}"
	".tag{font-weight:700}.t-aid{color:#0072B2}.t-exercise{color:#B84A00}"
	".t-deployment{color:#00795A}.t-other{color:#555}"
	".st{border-radius:3px;padding:0 4px;white-space:nowrap}"
	".st.delivered{background:#333;color:#fff}"
	".st.pledged{border:1.5px solid #333}"
	"a{color:#0b57a4}a.cf{display:inline-block;margin-top:3px;color:#a0004a}"
	".conflicts{width:100%;font-size:13px}"
	".conflicts th,.conflicts td{border-bottom:1px solid #ddd;padding:5px 6px;"
	"text-align:left;vertical-align:top;overflow-wrap:anywhere}"
	".sbs{display:flex;flex-wrap:wrap;gap:8px}.claim{border:1px solid #bbb;"
	"border-left:4px solid #a0004a;padding:3px 8px;min-width:140px}"
	".claim .sub{display:block}"
	"footer{margin-top:28px;font-size:12px;color:#555}"
	"@page{size:A4 landscape;margin:12mm}"
	"@media print{body{max-width:none;padding:0;font-size:11px}"
	".events th:last-child,.events td:last-child{display:none}"
	".noprint,summary{display:none}h2{break-after:avoid}"
	"section{break-inside:auto}tr,.card,.chart{break-inside:avoid}"
	".events thead th{position:static}.tablewrap,.flowwrap{overflow:visible}"
	"a{color:inherit;text-decoration:none}.events [title]{text-decoration:none}}";

/*
 * The one script: sortable headings. Its SHA-256 is in the page's
 * Content-Security-Policy: change one byte here and update REPORT_SCRIPT_HASH (printf '%s' "$script" |
 * openssl dgst -sha256 -binary | base64), or the browser will not run it —
 * tests/report/browser.sh checks that it ran.
 */
static const char script[] =
	"(function(){'use strict';"
	"document.documentElement.setAttribute('data-script','ran');"
	"var t=document.getElementById('event-table');if(!t)return;"
	"var hs=t.tHead.rows[0].cells;"
	"function key(td,num){var v=td.getAttribute('data-sort');"
	"if(v===null)v=td.textContent;if(num)return v===''?null:parseFloat(v);"
	"return v===''?null:v.toLowerCase();}"
	"function sort(i){var h=hs[i],asc=h.getAttribute('aria-sort')!=='ascending',"
	"num=h.getAttribute('data-type')==='num',body=t.tBodies[0],"
	"rows=Array.prototype.slice.call(body.rows);"
	"for(var k=0;k<hs.length;k++)hs[k].removeAttribute('aria-sort');"
	"h.setAttribute('aria-sort',asc?'ascending':'descending');"
	"rows.sort(function(a,b){var x=key(a.cells[i],num),y=key(b.cells[i],num);"
	"if(x===null||y===null)return x===y?0:x===null?1:-1;"
	"return (x<y?-1:x>y?1:0)*(asc?1:-1);});"
	"rows.forEach(function(r){body.appendChild(r);});}"
	"Array.prototype.forEach.call(hs,function(h,i){if(!h.hasAttribute('data-type'))return;"
	"var b=document.createElement('button');b.type='button';b.textContent=h.textContent;"
	"h.textContent='';h.appendChild(b);b.addEventListener('click',function(){sort(i);});});"
	"})();";

#define REPORT_SCRIPT_HASH "sha256-dLrhDkFVNrM+8GYF0ZmG55ocV2gO2X/gwUPthmoNQe4="

int at_report__render(at_buf *b, const char *jsonl, size_t len, const at_report_opts *opts,
		      int *bad_lines, char *err, size_t errlen)
{
	rep_ev *ev = NULL;
	size_t n = 0, first_bad = 0;
	const char *title =
		opts && opts->title && opts->title[0] ? opts->title : "aidtrace report";
	int rc = rep_read_events(jsonl, len, &ev, &n, bad_lines, &first_bad, err, errlen);
	if (rc)
		goto cleanup;

	at_buf_adds(
		b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		   "style-src 'unsafe-inline'; img-src data:; script-src '" REPORT_SCRIPT_HASH
		   "'; base-uri 'none'; form-action 'none'\">"
		   "<meta name=\"referrer\" content=\"no-referrer\">"
		   "<meta name=\"generator\" content=\"aidtrace " AT_VERSION "\"><title>");
	rep_esc(b, title);
	at_buf_adds(b, "</title><style>");
	at_buf_adds(b, css);
	at_buf_adds(b, "</style></head>\n<body><header><h1><bdi>");
	rep_esc(b, title);
	at_buf_adds(b, "</bdi></h1><p class=\"meta\">");
	if (opts && opts->scope && opts->scope[0]) {
		at_buf_adds(b, "<bdi>");
		rep_esc(b, opts->scope);
		at_buf_adds(b, "</bdi> \xC2\xB7 ");
	}
	at_buf_printf(b, "%zu event%s", n, n == 1 ? "" : "s");
	if (opts && opts->generated && opts->generated[0]) {
		at_buf_adds(b, " \xC2\xB7 generated <bdi>");
		rep_esc(b, opts->generated);
		at_buf_adds(b, "</bdi>");
	}
	at_buf_adds(b, " \xC2\xB7 <a href=\"#timeline\">timeline</a> \xC2\xB7 <a "
		       "href=\"#flows\">flows</a> \xC2\xB7 <a href=\"#events\">events</a> "
		       "\xC2\xB7 <a href=\"#conflicts\">conflicts</a></p>");
	if (*bad_lines)
		at_buf_printf(b,
			      "<p class=\"note\">%d input line%s skipped: not events "
			      "(first: line %zu).</p>",
			      *bad_lines, *bad_lines == 1 ? " was" : "s were", first_bad);
	at_buf_adds(b, "</header>\n");
	if ((rc = rep_render_summary(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = rep_render_timeline(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = rep_render_flows(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = rep_render_table(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = rep_render_conflicts(b, ev, n)) != 0)
		goto cleanup;
	at_buf_adds(b,
		    "<footer>Made by aidtrace " AT_VERSION " from news text. Each event "
		    "is what its sources say, read by rules (the \xE2\x80\x9Crule\xE2\x80\x9D "
		    "under its sentences); check the sentences before quoting a figure. "
		    "USD values are the articles' own figures or conversions.</footer>\n");
	at_buf_adds(b, "<script>");
	at_buf_adds(b, script);
	at_buf_adds(b, "</script>\n</body></html>\n");
	rc = b->err;
cleanup:
	rep_free_events(ev, n);
	return rc;
}

int at_report_html(FILE *out, const char *jsonl, size_t len, const at_report_opts *opts,
		   char *err, size_t errlen)
{
	if (!out || (!jsonl && len))
		return AT_EINVAL;
	at_buf b;
	at_buf_init(&b, REPORT_MAX_BYTES);
	int bad = 0;
	int rc = at_report__render(&b, jsonl ? jsonl : "", len, opts, &bad, err, errlen);
	if (rc == 0 && b.len && fwrite(b.data, 1, b.len, out) != b.len)
		rc = AT_EIO;
	if (rc == 0 && bad)
		rc = AT_EPARSE;
	else if (rc && rc != AT_EPARSE && err && errlen)
		snprintf(err, errlen, "%s",
			 rc == AT_EIO ? "cannot write the page"
				      : "out of memory or page too big");
	at_buf_free(&b);
	return rc;
}
