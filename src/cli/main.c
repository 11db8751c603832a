/* SPDX-License-Identifier: MIT */
/* main.c — the teiforge executable: a shim over tf_cli_main(). */
#include <stdio.h>
#include "cli.h"

int main(int argc, char **argv)
{
	return tf_cli_main(argc, argv, stdout, stderr);
}
