#!/usr/bin/env python3
"""Compares the stand-in's public/protected API with the real KNIME sources (a development check, not a test).

usage: python3 compare_with_knime.py STANDIN_CLASSES KNIME_CORE_SRC KNIME_SHARED_SRC
  STANDIN_CLASSES  knime-api-standin/target/classes
  KNIME_CORE_SRC   <clone of github.com/knime/knime-core>/org.knime.core/src/eclipse/
  KNIME_SHARED_SRC <clone of github.com/knime/knime-shared>/org.knime.core.util/src/main/java/

Prints every stand-in member (name + parameter types, and return type) that no declaration in the real sources
matches. Expected noise: implicit constructors, javac bridge methods of covariant returns, members the real class
inherits from a class the stand-in leaves out, and the protected stand-in internals of ConfigBase/DataContainer.
Classes named Standin* are stand-in only and skipped. (Checked 2026-11-24 against knime-core and knime-shared master:
nothing else reported.)
"""
import os, re, subprocess, sys

classes_dir, core_src, shared_src = sys.argv[1:4]
names = []
for root, _, files in os.walk(classes_dir):
    for f in files:
        if f.endswith('.class') and '$' not in f and not f.startswith('Standin'):
            names.append(os.path.relpath(os.path.join(root, f), classes_dir)[:-6].replace(os.sep, '.'))
out = subprocess.run(['javap', '-protected', '-cp', classes_dir] + sorted(names), capture_output=True, text=True)
javap = out.stdout.split('\n')
cls=None; missing=[]
roots=[core_src.rstrip('/')+'/', shared_src.rstrip('/')+'/']
def real_src(c):
    for r in roots:
        p=r+c.replace('.','/')+'.java'
        if os.path.exists(p): return open(p,encoding='utf-8',errors='replace').read()
    return None
def simple(t):
    t=re.sub(r'<.*>','',t.strip()); t=t.split('.')[-1]; return t.replace('...','[]')
for line in javap:
    m=re.match(r'(?:public|protected).*?(?:class|interface) ([\w.$]+)',line)
    if m and ('class ' in line or 'interface ' in line): cls=m.group(1); src=real_src(cls.split('$')[0]); continue
    m=re.match(r'\s+(public|protected)\s+(.*?)([\w$]+)\((.*?)\)',line)
    if not m or cls is None: continue
    ret=simple(m.group(2).split()[-1]) if m.group(2).split() else '';
    name=m.group(3); params=[simple(p) for p in m.group(4).split(',') if p.strip()]
    if src is None: missing.append((cls,'NO REAL SOURCE')); continue
    if name==cls.split('.')[-1].split('$')[-1]: pat=r'\b'+re.escape(name)+r'\s*\('
    else: pat=r'\b'+re.escape(name)+r'\s*\('
    # find a declaration with same param count and simple types
    ok=False
    s=re.sub(r'/\*.*?\*/','',src,flags=re.S)
    for mm in re.finditer(pat,s):
        start=mm.end(); depth=1; i=start
        while depth and i<len(s):
            if s[i]=='(': depth+=1
            elif s[i]==')': depth-=1
            i+=1
        args=s[start:i-1]
        # skip calls: declarations are followed by { or throws or ;
        after=s[i:i+60].lstrip()
        if not (after.startswith('{') or after.startswith('throws') or after.startswith(';')): continue
        ps=[a for a in re.split(r',(?![^<]*>)',args) if a.strip()]
        ptypes=[simple(re.sub(r'@\w+\s*','',re.sub(r'\bfinal\b','',a)).strip().rsplit(None,1)[0]) for a in ps]
        if ptypes==params:
            before=s[max(0,mm.start()-200):mm.start()].split(';')[-1].split('}')[-1].split('{')[-1].split()
            rret=simple(before[-1]) if before else ''
            if ret in ('',) or name==cls.split('.')[-1].split('$')[-1] or rret==ret or rret in ('public','protected'):
                ok=True; break
            else:
                missing.append((cls,name,'RETURN stand-in',ret,'real',rret)); ok=True; break
    if not ok: missing.append((cls,name+'('+','.join(params)+')'))
for m in missing: print(*m)
