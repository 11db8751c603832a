/* SPDX-License-Identifier: MIT */
/*
 * init.c — global set-up of libxml2 and libxslt for safe use (no external
 * entity ever fetched, XSLT forbidden to write files or reach the network)
 * and the lookup of teiforge's data folder.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxslt/xslt.h>
#include <libxslt/security.h>
#include <libexslt/exslt.h>
#include "internal.h"

/* Every external entity, DTD or XInclude target that libxml2 would load
 * through the default loader is refused: teiforge reads only the files it
 * is given. */
static xmlExternalEntityLoader default_loader;
static _Thread_local int allow_local;

void tf_loader__allow_local(int allow)
{
	allow_local = allow;
}

static int is_network(const char *url)
{
	const char *colon = url ? strstr(url, "://") : NULL;

	return colon && strncmp(url, "file://", 7) != 0;
}

static xmlParserInputPtr refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (!allow_local || !url || is_network(url) || !default_loader)
		return NULL;
	return default_loader(url, id, ctxt);
}

static int initialised;

int tf_init(void)
{
	xsltSecurityPrefsPtr prefs;

	if (initialised)
		return 0;
	xmlInitParser();
	default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(refuse_loader);
	exsltRegisterAll();
	prefs = xsltNewSecurityPrefs();
	if (!prefs)
		return tf_error__set(TF_ENOMEM, "out of memory");
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(prefs);
	initialised = 1;
	return 0;
}

void tf_shutdown(void)
{
	if (!initialised)
		return;
	xsltFreeSecurityPrefs(xsltGetDefaultSecurityPrefs());
	xsltSetDefaultSecurityPrefs(NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	initialised = 0;
}

static int has_xslt(const char *dir)
{
	struct stat st;
	char path[4096];

	snprintf(path, sizeof path, "%s/xslt", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *tf_datadir(void)
{
	const char *env = getenv("TEIFORGE_DATADIR");

	if (env && *env)
		return env;
	if (has_xslt(TF_SOURCE_DATADIR))
		return TF_SOURCE_DATADIR;
	return TF_INSTALL_DATADIR;
}

char *tf_data__path(const char *rel)
{
	const char *dir = tf_datadir();
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", dir, rel);
	return p;
}
