<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/style.xsl — the page's inline CSS and script, kept apart from the
  templates.  Both are written into the page (no remote asset).

  CSS: one column readable on a phone; page numbers in the left margin
  from 64rem up; names underlined by kind (persons dotted, organisations
  dashed, places wavy; colour only as a second cue); dates followed by
  their normalised value; @media print: no navigation, no "cite this", no
  pop-up, links as plain text, notes as the numbered endnotes they are.

  Script (progressive: without it the note marks are plain links to the
  notes list): a click, tap or keyboard focus on a note mark opens the
  note beside the text (right margin on wide screens, under the line on
  narrow ones) as a non-modal dialog inserted after the mark, so that Tab
  goes on into it; Escape, the close button, a click or focus elsewhere
  close it.  The copy drops ids (no duplicates) and the back link.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="h-css">
:root{--ink:#1b1b1b;--muted:#595959;--paper:#fdfdfb;--rule:#d8d8d2;--pers:#1f5fa8;--org:#8a4b08;--place:#2d6a31;--link:#1a55a0}
*{box-sizing:border-box}
[id]{scroll-margin-top:3rem}
body{margin:0;font:1.05rem/1.6 Georgia,"DejaVu Serif","Times New Roman",serif;color:var(--ink);background:var(--paper)}
a{color:var(--link)}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.4rem}.skip:focus{left:.5rem;z-index:3}
header,nav,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.2rem;border-bottom:1px solid var(--rule)}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0}
h2{font-size:1.3rem;margin-top:2rem}h3,h4,h5,h6{font-size:1.1rem}
.lang-tag{font:600 .7rem/1 system-ui,sans-serif;letter-spacing:.05em;text-transform:uppercase;color:var(--muted);border:1px solid var(--rule);border-radius:.2rem;padding:.1rem .25rem;margin-left:.4rem;vertical-align:.3em}
.ptitle{font-size:1.1rem;font-style:italic;margin:.3rem 0}
.authors{font-weight:bold}.source,.keywords,.langs{font-size:.95rem;margin:.3rem 0}
details.cite{margin:.8rem 0 1rem;font-size:.9rem}details.cite summary{cursor:pointer;color:var(--link)}
.cite-fmt{margin:.5rem 0}.cite-fmt figcaption{font-weight:bold;font-family:system-ui,sans-serif;font-size:.8rem}
.cite pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3ef;padding:.5rem;margin:.2rem 0;font-size:.85rem}
nav ol{padding-left:1.2rem}
main{position:relative}
.nm{color:inherit;text-decoration-line:underline;text-decoration-thickness:1px;text-underline-offset:.2em}
.persName{text-decoration-style:dotted;text-decoration-color:var(--pers)}
.orgName{text-decoration-style:dashed;text-decoration-color:var(--org)}
.placeName,.geogName{text-decoration-style:wavy;text-decoration-color:var(--place);text-decoration-thickness:.5px}
a.nm:hover,a.nm:focus{background:#eef2f8}
.nm:target,.pb:target{background:#fff3b0;outline:2px solid #b58900}
.date{border-bottom:1px dotted #9a9a9a}
.date[data-norm]::after{content:" " attr(data-norm);font:.68rem/1 system-ui,sans-serif;color:var(--muted);vertical-align:.35em}
.pb{border-left:1px solid #9a9a9a;margin:0 .1em}
div>.pb,section>.pb,main>.pb{display:block;height:0;border:0;margin:0}
.pbn{font:.78rem system-ui,sans-serif;color:var(--muted);padding:0 .2em}
@media (min-width:64rem){.pbn{position:absolute;left:-3.2rem;width:3rem;text-align:right}}
sup.nr{line-height:0}
.noteref{text-decoration:none;padding:0 .15em;font-family:system-ui,sans-serif;font-weight:600}
.noteref:focus{outline:2px solid var(--link);outline-offset:1px}
.notes,.sources,.index{font-size:.93rem;border-top:1px solid var(--rule);margin-top:2rem}
.notes ul,.index ul{list-style:none;padding-left:0}.notes li,.index li{margin:.45rem 0}
.notes li:target{background:#fff8d6}
.noteback{font-weight:bold;margin-right:.4em;text-decoration:none}
.sources li{margin:.3rem 0}.sources li:target,.tei-bibl:target{background:#fff8dc}
.srcref{font-size:.85em;text-decoration:none;white-space:nowrap}.src-who{font-variant:small-caps}
.ename{font-weight:bold}.variants{color:var(--muted)}.idno{font-size:.85rem}
.legend span{margin-right:1rem}
.abstract{font-size:.95rem;background:#f3f3ef;padding:.2rem 1rem;margin:1rem 0}
.list.keywords ul{display:inline;padding:0}.list.keywords li{display:inline}
.list.keywords li+li::before{content:", "}
.head-title{font-style:italic}.head{font-weight:bold}
.tei-l,.tei-speaker,.tei-stage{margin:.1rem 0}.tei-speaker{font-weight:bold}.tei-stage{font-style:italic}
.tei-lg{margin:1rem 0}.tei-sp{margin:.8rem 0}
table{border-collapse:collapse;display:block;overflow-x:auto}td{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}
.gap{color:var(--muted)}.choice{border-bottom:1px dashed #aaa}
.note-popup{position:absolute;z-index:2;display:block;background:#fff;border:1px solid #888;border-radius:.3rem;box-shadow:0 .2rem .8rem rgba(0,0,0,.18);padding:.6rem 2rem .6rem .8rem;font-size:.9rem;line-height:1.45;text-indent:0;font-weight:normal;font-style:normal}
.note-popup .np-label{font-weight:bold;margin-right:.4em}
.note-close{position:absolute;top:.2rem;right:.2rem;border:0;background:none;font-size:1.2rem;line-height:1;cursor:pointer;padding:.2rem .4rem;color:var(--ink)}
footer{font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);margin-top:2rem;padding-bottom:2rem}
@media print{
body{font-size:10.5pt;background:#fff;color:#000}
header,nav,main,footer{max-width:none}
nav,.skip,details.cite,.note-popup,footer{display:none}
a{color:inherit;text-decoration:none}
.nm{text-decoration:none}
.date[data-norm]::after{content:none}.date{border:0}
.pb{border:0}.pbn{color:#000}
.noteref{font-weight:normal}
.notes{break-before:page}
.notes ul{list-style:none}
.index{break-before:page}
}
  </xsl:variable>

  <xsl:variable name="h-js">
(function(){
'use strict';
var pop=null,mark=null,CLOSE=document.documentElement.getAttribute('data-close')||'Close';
function close(refocus){
  if(!pop)return;
  var m=mark;pop.parentNode.removeChild(pop);pop=null;mark=null;
  m.setAttribute('aria-expanded','false');
  if(refocus)m.focus();
}
function place(){
  var main=document.querySelector('main'),mr=main.getBoundingClientRect(),r=mark.getBoundingClientRect();
  var wide=window.innerWidth-mr.right&gt;240,top=r.top-mr.top;
  if(wide){pop.style.left=(mr.width+8)+'px';pop.style.width=Math.min(320,window.innerWidth-mr.right-24)+'px';pop.style.top=(top-8)+'px';}
  else{pop.style.left='0.5rem';pop.style.width=(mr.width-16)+'px';pop.style.top=(r.bottom-mr.top+6)+'px';}
}
function open(a){
  if(mark===a)return;
  close(false);
  var id=decodeURIComponent(a.getAttribute('href').slice(1)),n=document.getElementById(id);
  if(!n)return;
  var d=document.createElement('span');
  d.className='note-popup';d.id='note-popup';
  d.setAttribute('role','dialog');
  d.setAttribute('aria-label',(n.getAttribute('data-label')||'')+' '+a.textContent);
  var lab=document.createElement('span');lab.className='np-label';lab.textContent=a.textContent;d.appendChild(lab);
  for(var c=n.firstChild;c;c=c.nextSibling){
    if(c.nodeType===1&amp;&amp;c.classList.contains('noteback'))continue;
    var k=c.cloneNode(true);
    if(k.nodeType===1){if(k.id)k.removeAttribute('id');var all=k.querySelectorAll('[id]');for(var i=0;i&lt;all.length;i++)all[i].removeAttribute('id');}
    d.appendChild(k);
  }
  var b=document.createElement('button');b.type='button';b.className='note-close';b.setAttribute('aria-label',CLOSE);b.textContent='\u00d7';
  b.addEventListener('click',function(e){e.preventDefault();close(true);});
  d.appendChild(b);
  var host=a.parentNode.nodeName==='SUP'?a.parentNode:a;
  host.parentNode.insertBefore(d,host.nextSibling);
  pop=d;mark=a;a.setAttribute('aria-expanded','true');a.setAttribute('aria-controls','note-popup');
  place();
}
document.addEventListener('click',function(e){
  var a=e.target.closest?e.target.closest('a.noteref'):null;
  if(a){e.preventDefault();open(a);return;}
  if(pop&amp;&amp;!pop.contains(e.target))close(false);
});
document.addEventListener('focusin',function(e){
  var t=e.target;
  if(t.matches&amp;&amp;t.matches('a.noteref'))open(t);
  else if(pop&amp;&amp;!pop.contains(t))close(false);
});
document.addEventListener('keydown',function(e){
  if((e.key==='Escape'||e.key==='Esc')&amp;&amp;pop){var back=pop.contains(document.activeElement)||document.activeElement===mark;close(back);}
});
window.addEventListener('resize',function(){if(pop)place();});
})();
  </xsl:variable>
</xsl:stylesheet>
