(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);new MutationObserver(e=>{for(let t of e)if(t.type===`childList`)for(let e of t.addedNodes)e.tagName===`LINK`&&e.rel===`modulepreload`&&n(e)}).observe(document,{childList:!0,subtree:!0});function t(e){let t={};return e.integrity&&(t.integrity=e.integrity),e.referrerPolicy&&(t.referrerPolicy=e.referrerPolicy),t.credentials=e.crossOrigin===`use-credentials`?`include`:e.crossOrigin===`anonymous`?`omit`:`same-origin`,t}function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();var e,t,n,r,i,a,o,s,c,l,u=Symbol.for(`pv`),d={},f=[],p=/^m(i|n|o|s|text|space)$/,m=Array.isArray,h=f.slice,g=Object.assign;function _(e){e&&e.parentNode&&e.remove()}function v(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:u,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function y(e){return e.children}function b(e,t){this.props=e,this.context=t,this.__g=0}function x(e,t){if(t==null)return e.__&&x(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:x(e)}function S(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=g({constructor:u},r)).__v=r.__v+1,e.vnode&&e.vnode(n),te(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||x(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,ie(a,n,o),r.__=r.__e=null,n.__e!=i&&C(n))}function C(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),C(e)}function w(t){(8&t.__g||(t.__g|=8,n.push(t),i++))&&r==e.debounceRendering||((r=e.debounceRendering)||queueMicrotask)(T)}function T(){try{for(var e,t=1;n.length;)n.length>t&&n.sort(a),e=n.shift(),t=n.length,8&e.__g&&S(e)}finally{(i=n.length)&&(r||queueMicrotask)(T)}}function E(e,t,n,r,i,a,o,s,c,l,u){var p,m,h,g,_,v,y=r.__k||f,b=t.length;for(c=D(n,t,y,c,b),p=0;p<b;p++)(h=n.__k[p])!=null&&(m=~h.__i&&y[h.__i]||d,h.__i=p,v=te(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&M(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_||=g,4&h.__u?(c=O(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,d,f,p,h,g=n.length,_=g,b=0,S=0,C=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=C[a]=v(null,o):m(o)?o=C[a]=v(y,{children:o}):o.constructor===u&&o.__b?o=C[a]=v(o.type,o.props,o.key,o.ref,o.__v):C[a]=o,c=a+b,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=k(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?b--:l==c+1?b++:l!=c&&(l>c?b--:b++,S=1)):(~l||(i>g?b--:i<g&&b++),typeof o.type!=`function`&&(o.__u|=4))):C[a]=null;if(S){for(d=[],f=[],a=0;a<i;a++)if((o=C[a])&&16&o.__u){for(b=0,p=d.length;b<p;)d[h=b+p>>1]<o.__i?b=h+1:p=h;d[b]=o.__i,f[a]=b+1}for(b=d.length;a--;)f[a]&&(f[a]==b?b--:C[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=x(s)),N(s,s));return r}function O(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=O(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=x(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t&&=t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function k(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function A(e,t,n){n??=``,t[0]==`-`?e.setProperty(t,n):e[t]=n}function j(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||A(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||A(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||={})[t]=n,n&&r||(o=l[t]||(l[t]=ee(t)),(e.__a||={})[t]=c,a=t!=(t=t.replace(s,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function ee(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[o]==null)n[o]=c++;else if(n[o]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function te(t,n,r,i,a,o,s,c,l,d){var p,h,v,S,C,w,T,D,O,k,A,j,ee,te,ie,M,P,F,I=n.type;if(n.constructor!==u)return null;128&r.__u&&(l=32&r.__u,p=r.__c.__z)&&(n.__u|=l,h=o=[],p.nodeType==8?c=ne(p,o):o.push(p),c=o[0]||c),(p=e.__b)&&p(n);e:if(typeof I==`function`){v=s.length;try{if(D=n.props,O=(p=I.prototype)&&p.render,k=(p=I.contextType)&&i[p.__c],A=p?k?k.props.value:p.__:i,(S=r.__c)?(n.__c=S,2&S.__g&&(S.__g|=1)):(O?n.__c=S=new I(D,A):(n.__c=S=new b(D,A),S.constructor=I,S.render=oe),k&&k.sub(S),S.state||(S.state={}),S.__n=i,S.__g|=8,S.__h=[],S.__k=[]),O&&(S.__s||(S.__s=S.state),I.getDerivedStateFromProps&&(S.__s==S.state&&(S.__s=g({},S.__s)),g(S.__s,I.getDerivedStateFromProps(D,S.__s)))),C=S.props,w=S.state,S.__v=n,r.__c){if(D!==C&&O&&!I.getDerivedStateFromProps&&S.componentWillReceiveProps&&S.componentWillReceiveProps(D,A),n.__v==r.__v&&!(8&S.__g)||!(4&S.__g)&&S.shouldComponentUpdate&&!1===S.shouldComponentUpdate(D,S.__s,A)){n.__v!=r.__v&&(S.props=D,S.state=S.__s,S.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),f.push.apply(S.__h,S.__k),S.__k=[],S.__h.length&&s.push(S),c=x(r);break e}S.componentWillUpdate&&S.componentWillUpdate(D,S.__s,A),O&&S.componentDidUpdate&&S.__h.push(function(){S.componentDidUpdate(C,w,T)})}else O&&!I.getDerivedStateFromProps&&S.componentWillMount&&S.componentWillMount(),O&&S.componentDidMount&&S.__h.push(S.componentDidMount);S.context=A,S.props=D,S.__P=t,S.__g&=-5,j=e.__r,ee=O?25:0;do S.__g&=-9,j&&j(n),p=S.render(S.props,S.state=S.__s,S.context);while(8&S.__g&&++ee<25);O&&(f.push.apply(S.__h,S.__k),S.__k=[]),S.state=S.__s,S.getChildContext&&(i=g({},i,S.getChildContext())),O&&r.__c&&S.getSnapshotBeforeUpdate&&(T=S.getSnapshotBeforeUpdate(C,w)),te=p&&p.type===y&&p.key==null?p.props.children:p,D.__P&&(p=c,a=(t=D.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&N(e,e)}),r.__k=null),c=r.__k?x(r,0):null),c=E(t,m(te)?te:[te],n,r,i,a,o,s,c,l,d),D.__P&&(n.__e=null,c=p),n.__u&=-161,h&&h.some(_),S.__h.length&&s.push(S),1&S.__g&&(S.__g&=-4)}catch(t){if(s.length=v,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(P=o.indexOf(c||void 0))||(P=o.length);(F=o[P-1])&&F.nodeType==8;)P--;for(;P<o.length;P++)if(F=o[P]){if(o[P]=null,ie){if(F==M)break}else{if(F.nodeType!=8)break;F.data.startsWith(`$s`)&&(M=ne(ie=F))}}}if(!ie){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;ie=c}(p=ne(ie=n.__c.__z||(n.__c.__z=ie)))?(n.__e=ie,c=p):n.__e=c,c&&=c.nextSibling}else o&&o.some(_)}else n.__e=r.__e;n.__k||=r.__k||[],t&&t.then||re(n),e.__e(t,n,r)}}else c=n.__e=ae(r.__e,n,r,i,a,o,s,l,d,t);return(p=e.diffed)&&p(n),c}function ne(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function re(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(re))}function ie(t,n,r){for(var i=0;i<r.length;)M(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function ae(t,n,r,i,a,o,s,c,l,u){var f,g,v,y,b,S,C,w,T=r.props||d,D=n.props,O=n.type;if(O==`svg`?a=`http://www.w3.org/2000/svg`:O==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||=`http://www.w3.org/1999/xhtml`,o){for(f=0;f<o.length;f++)if((b=o[f])&&(O?b.localName==O:b.nodeType==3)){t=b,o[f]=null;break}}if(!t){if(w=u.ownerDocument||document,!O)return w.createTextNode(D);t=w.createElementNS(a,O,D.is?D:u),c&&=(e.__m&&e.__m(n,o),!1),o=null}if(O){if(u=O==`template`&&t.content||t,o=O==`textarea`&&D.defaultValue!=null?null:o&&h.call(u.childNodes),!c&&o)for(T={},f=0;f<t.attributes.length;f++)T[(b=t.attributes[f]).name]=b.value;for(f in T)b=T[f],f==`dangerouslySetInnerHTML`?v=b:f==`children`||f in D||f==`value`&&`defaultValue`in D||f==`checked`&&`defaultChecked`in D||j(t,f,null,b,a);for(f in D)b=D[f],f==`children`?y=b:f==`dangerouslySetInnerHTML`?g=b:f==`value`?S=b:f==`checked`?C=b:c&&typeof b!=`function`||T[f]===b||j(t,f,b,T[f],a);g?(c||v&&(g.__html==v.__html||g.__html==t.innerHTML)||(t.innerHTML=g.__html),n.__k=[]):(v&&(t.textContent=``),(O==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&p.test(O))&&(a=`http://www.w3.org/1999/xhtml`),E(u,m(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&x(r,0),c,l),o&&o.some(_)),c&&O!=`textarea`||(f=`value`,O==`progress`&&S==null?t.removeAttribute(f):S==null||S===t[f]&&(O!=`progress`||S)||j(t,f,S,T[f],a),f=`checked`,C!=null&&C!=t[f]&&j(t,f,C,T[f],a))}else T===D||c&&t.data==D||(t.data=D);return t}function M(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:(i&&=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function N(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||M(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&N(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=ne(i,o=[]))&&(i==t.__e&&o.some(_),_(a),_(i)),r||_(t.__e),t.__e=t.__c=t.__=null}function oe(e,t,n){return this.constructor(e,n)}function P(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=v(y,{children:[t]}),a=[],o=[],te(n,n.__k,i||d,d,n.namespaceURI,i?null:n.firstChild?h.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),ie(a,n.__k,o),n.__k.props.children=null}e={__e:function(e,t,n,r){for(var a,o,s;t=t.__;)if((a=t.__c)&&!(1&a.__g)){a.__g|=4;try{if((s=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(e)),a.componentDidCatch&&(a.componentDidCatch(e,r||{}),s=1),s&&8&a.__g)return void(a.__g|=2)}catch(t){e=t}}throw i=0,e}},t=0,b.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=g({},this.state)),typeof e==`function`&&(e=e(g({},n),this.props)),e&&(g(n,e),this.__v&&(t&&this.__k.push(t),w(this)))},b.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),w(this))},b.prototype.render=y,n=[],i=0,a=function(e,t){return e.__v.__b-t.__v.__b},o=Symbol(),s=/(PointerCapture)$|Capture$/i,c=0,l={};var F,I,se,ce,le=Object.is,ue=0,de=[],fe=[],L=e,pe=L.__b,me=L.__r,he=L.diffed,ge=L.__c,_e=L.unmount,ve=L.__;function ye(e,t){L.__h&&L.__h(I,e,ue||t),ue=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function R(e){return ue=1,be(je,e)}function be(e,t,n){var r=ye(F++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):je(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);le(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,le(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function z(e,t){var n=ye(F++,3);!L.__s&&Ae(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function B(e,t){var n=ye(F++,4);!L.__s&&Ae(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,I.__h.push(n))}function xe(e){return ue=5,Se(function(){return{current:e}},[])}function Se(e,t){var n=ye(F++,7);return Ae(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ce(e,t){return ue=8,Se(function(){return e},t)}function we(){var e;do{for(;e=fe.shift();)try{Oe(e)}catch(t){L.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=de.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Oe),t.__h.some(ke),t.__h=[]}catch(n){t.__h=[],L.__e(n,e.__v)}}}while(fe.length)}L.__b=function(e){I=null,pe&&pe(e)},L.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ve&&ve(e,t)},L.__r=function(e){me&&me(e),F=0;var t=(I=e.__c).__H;t&&(se==I?I.__h=[]:(t.__h.some(Oe),t.__h.some(ke),F=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),se=I},L.diffed=function(e){he&&he(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&De(de.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),se=I=null},L.__c=function(e,t){t.some(function(e){try{e.__h.some(Oe),e.__h=e.__h.filter(function(e){return!e.__||ke(e)})}catch(t){e.__h=[function(){throw t}]}}),ge&&ge(e,t)},L.unmount=function(e){_e&&_e(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n&&=n.__c}r.__P=n,De(fe.push(r))}else Oe(r)}catch(e){t=e}}),r.__H=void 0,t&&L.__e(t,r.__v))};var Te=typeof requestAnimationFrame==`function`;function Ee(e){var t,n=function(){clearTimeout(r),Te&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Te&&(t=requestAnimationFrame(n))}function De(e){e!=1&&ce==L.requestAnimationFrame||((ce=L.requestAnimationFrame)||Ee)(we)}function Oe(e){var t=I,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),I=t}function ke(e){var t=I;e.__c=e.__(),I=t}function Ae(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!le(t,e[n])})}function je(e,t){return typeof t==`function`?t(e):t}var Me=class extends Error{code;status;constructor(e,t,n){super(e),this.code=t,this.status=n}},Ne=`labbook_csrf`,Pe=`X-Labbook-CSRF`;function Fe(e){let t=e+`=`;return document.cookie.split(`; `).find(e=>e.startsWith(t))?.slice(t.length)}var Ie=()=>{};function Le(e){Ie=e}async function V(e,t={}){let n={"content-type":`application/json`},r=Fe(Ne);r&&(n[Pe]=r);let i=await fetch(`/graphql`,{method:`POST`,headers:n,body:JSON.stringify({query:e.toString(),variables:t??{}}),credentials:`same-origin`}),a;try{a=await i.json()}catch{throw new Me(`the server answered ${i.status} without JSON`,void 0,i.status)}i.status===401&&Ie();let o=a.errors?.[0];if(o)throw new Me(o.message,o.extensions?.code,i.status);return a.data}async function Re(e,t){let n={"content-type":`application/json`},r=Fe(Ne);return r&&(n[Pe]=r),fetch(e,{method:`POST`,headers:n,body:JSON.stringify(t),credentials:`same-origin`})}async function ze(e){let t=await Re(`/login`,e),n=await t.json().catch(()=>({}));if(!t.ok)throw new Me(n.errors?.[0]?.message??`sign-in failed (${t.status})`,void 0,t.status);return n.username}async function Be(){await Re(`/logout`,{})}async function Ve(e,t){let n=await Re(`/password`,{currentPassword:e,newPassword:t});if(!n.ok)throw new Me((await n.json().catch(()=>({}))).errors?.[0]?.message??`the password was not changed (${n.status})`,void 0,n.status)}var H=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},He=new H(`
    fragment ArtifactRef on Artifact {
  id
  versionIndex
  state
  artifactType {
    name
  }
  artifactSequence {
    name
    project {
      name
      entityName
    }
  }
  aliases {
    alias
    artifactCollection {
      name
    }
  }
}
    `,{fragmentName:`ArtifactRef`}),Ue=new H(`
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
    `,{fragmentName:`ArtifactProject`}),We=new H(`
    fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}
    `,{fragmentName:`ArtifactCreator`}),Ge=new H(`
    fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}
    `,{fragmentName:`ArtifactFilePage`}),Ke=new H(`
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}
    `,{fragmentName:`MetricRuleFields`}),qe=new H(`
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}
    `,{fragmentName:`AlertFields`}),Je={"\n  query Viewer {\n    viewer {\n      id\n      username\n      fullName\n      email\n      admin\n      defaultEntity { name }\n      teams { edges { node { name } } }\n      pendingInvites { id entityName role fromUser { username } }\n    }\n  }\n":new H(`
    query Viewer {
  viewer {
    id
    username
    fullName
    email
    admin
    defaultEntity {
      name
    }
    teams {
      edges {
        node {
          name
        }
      }
    }
    pendingInvites {
      id
      entityName
      role
      fromUser {
        username
      }
    }
  }
}
    `),"\n  query EntityPage($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n":new H(`
    query EntityPage($name: String!) {
  entity(name: $name) {
    name
    isTeam
    viewerRole
    viewerCanAdminister
    projects(first: 100) {
      edges {
        node {
          name
          entityName
          access
          updatedAt
          runCount
        }
      }
    }
  }
}
    `),"\n  query Project($entityName: String!, $name: String!) {\n    project(entityName: $entityName, name: $name) {\n      id\n      name\n      entityName\n      access\n      entity { name isTeam viewerRole viewerCanAdminister }\n      baselineRun { name displayName }\n      viewerCanSetBaseline\n      viewerCanEditRuns\n    }\n  }\n":new H(`
    query Project($entityName: String!, $name: String!) {
  project(entityName: $entityName, name: $name) {
    id
    name
    entityName
    access
    entity {
      name
      isTeam
      viewerRole
      viewerCanAdminister
    }
    baselineRun {
      name
      displayName
    }
    viewerCanSetBaseline
    viewerCanEditRuns
  }
}
    `),"\n  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {\n    project(entityName: $entityName, name: $name) {\n      runCount(filters: $filters) @include(if: $withCount)\n      runs(filters: $filters, order: $order, after: $after, first: $first) {\n        pageInfo { endCursor hasNextPage }\n        edges {\n          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }\n        }\n      }\n    }\n  }\n":new H(`
    query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {
  project(entityName: $entityName, name: $name) {
    runCount(filters: $filters) @include(if: $withCount)
    runs(filters: $filters, order: $order, after: $after, first: $first) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          displayName
          state
          createdAt
          heartbeatAt
          group
          jobType
          user {
            username
          }
          config
          summaryMetrics
          tags
        }
      }
    }
  }
}
    `),"\n  mutation MoveRuns($input: MoveRunsInput!) {\n    moveRuns(input: $input) { movedCount dryRun runs { name } }\n  }\n":new H(`
    mutation MoveRuns($input: MoveRunsInput!) {
  moveRuns(input: $input) {
    movedCount
    dryRun
    runs {
      name
    }
  }
}
    `),"\n  mutation DeleteRuns($input: DeleteRunsInput!) {\n    deleteRuns(input: $input) { deletedCount }\n  }\n":new H(`
    mutation DeleteRuns($input: DeleteRunsInput!) {
  deleteRuns(input: $input) {
    deletedCount
  }
}
    `),"\n  mutation UpdateRunTags($input: UpdateRunTagsInput!) {\n    updateRunTags(input: $input) { matchedCount updatedCount }\n  }\n":new H(`
    mutation UpdateRunTags($input: UpdateRunTagsInput!) {
  updateRunTags(input: $input) {
    matchedCount
    updatedCount
  }
}
    `),"\n  mutation SetBaseline($input: SetProjectBaselineInput!) {\n    setProjectBaseline(input: $input) { project { id } }\n  }\n":new H(`
    mutation SetBaseline($input: SetProjectBaselineInput!) {
  setProjectBaseline(input: $input) {
    project {
      id
    }
  }
}
    `),"\n  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {\n    project(entityName: $entityName, name: $projectName) {\n      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }\n    }\n  }\n":new H(`
    query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {
  project(entityName: $entityName, name: $projectName) {
    runs(filters: $filters, first: $first) {
      edges {
        node {
          name
          sampledHistory(specs: $specs)
        }
      }
    }
  }
}
    `),"\n  query RunPage($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode\n        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount\n        alerts { id title text severity createdAt }\n        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }\n      }\n    }\n  }\n":new H(`
    query RunPage($entityName: String!, $projectName: String!, $name: String!) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      id
      name
      displayName
      state
      user {
        username
      }
      serviceAccount {
        username
      }
      host
      program
      commit
      gitRemote
      exitCode
      createdAt
      heartbeatAt
      config
      summaryMetrics
      tags
      notes
      historyKeys
      logLineCount
      alerts {
        id
        title
        text
        severity
        createdAt
      }
      files(first: 100) {
        edges {
          node {
            name
            sizeBytes
            directUrl
            updatedAt
          }
        }
      }
    }
  }
}
    `),"\n  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }\n    }\n  }\n":new H(`
    query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      state
      logLineCount
      consoleLines(after: $after, first: $first) {
        offset
        text
      }
    }
  }
}
    `),"\n  query Team($name: String!) {\n    entity(name: $name) {\n      name\n      isTeam\n      viewerRole\n      viewerCanAdminister\n      viewerCanInvite\n      defaultAccess\n      codeSavingEnabled\n      storageRegion\n      ... on Team { membersCanInvite }\n      members { id role pending email username name accountType apiKey createdAt }\n      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }\n    }\n  }\n":new H(`
    query Team($name: String!) {
  entity(name: $name) {
    name
    isTeam
    viewerRole
    viewerCanAdminister
    viewerCanInvite
    defaultAccess
    codeSavingEnabled
    storageRegion
    ... on Team {
      membersCanInvite
    }
    members {
      id
      role
      pending
      email
      username
      name
      accountType
      apiKey
      createdAt
    }
    projects(first: 100) {
      edges {
        node {
          name
          entityName
          access
          updatedAt
          runCount
        }
      }
    }
  }
}
    `),"\n  mutation SetAccess($input: UpsertModelInput!) {\n    upsertModel(input: $input) { project { access } }\n  }\n":new H(`
    mutation SetAccess($input: UpsertModelInput!) {
  upsertModel(input: $input) {
    project {
      access
    }
  }
}
    `),"\n  mutation UpdateEntity($input: UpdateEntityInput!) {\n    updateEntity(input: $input) { entity { name } }\n  }\n":new H(`
    mutation UpdateEntity($input: UpdateEntityInput!) {
  updateEntity(input: $input) {
    entity {
      name
    }
  }
}
    `),"\n  mutation Invite($input: CreateInviteInput!) {\n    createInvite(input: $input) { invite { id } }\n  }\n":new H(`
    mutation Invite($input: CreateInviteInput!) {
  createInvite(input: $input) {
    invite {
      id
    }
  }
}
    `),"\n  mutation DeleteInvite($input: DeleteInviteInput!) {\n    deleteInvite(input: $input) { success }\n  }\n":new H(`
    mutation DeleteInvite($input: DeleteInviteInput!) {
  deleteInvite(input: $input) {
    success
  }
}
    `),"\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) { role }\n  }\n":new H(`
    mutation AcceptInvite($input: AcceptInviteInput!) {
  acceptInvite(input: $input) {
    role
  }
}
    `),"\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) { member { role } }\n  }\n":new H(`
    mutation UpdateMember($input: UpdateMemberInput!) {
  updateMember(input: $input) {
    member {
      role
    }
  }
}
    `),"\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { user { id } }\n  }\n":new H(`
    mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    user {
      id
    }
  }
}
    `),"\n  query Audit($entityName: String!) {\n    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }\n  }\n":new H(`
    query Audit($entityName: String!) {
  auditEvents(entityName: $entityName, first: 50) {
    edges {
      node {
        id
        action
        actorUsername
        createdAt
        targetType
      }
    }
  }
}
    `),"\n  query ApiKeys {\n    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }\n  }\n":new H(`
    query ApiKeys {
  viewer {
    id
    apiKeys {
      edges {
        node {
          id
          name
          description
          createdAt
          lastUsedAt
          revoked
        }
      }
    }
  }
}
    `),"\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) { secret }\n  }\n":new H(`
    mutation GenerateApiKey($input: GenerateApiKeyInput!) {
  generateApiKey(input: $input) {
    secret
  }
}
    `),"\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) { success }\n  }\n":new H(`
    mutation DeleteApiKey($input: DeleteApiKeyInput!) {
  deleteApiKey(input: $input) {
    success
  }
}
    `),"\n  mutation SetDefaultEntity($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id } }\n  }\n":new H(`
    mutation SetDefaultEntity($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      id
    }
  }
}
    `),"\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { entity { name } }\n  }\n":new H(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    entity {
      name
    }
  }
}
    `),"\n  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {\n    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {\n      baseline { name displayName }\n      rows { run { name displayName } key value baselineValue difference relativeDifference }\n    }\n  }\n":new H(`
    query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {
  compareRuns(
    entityName: $entityName
    projectName: $projectName
    keys: $keys
    runNames: $runNames
  ) {
    baseline {
      name
      displayName
    }
    rows {
      run {
        name
        displayName
      }
      key
      value
      baselineValue
      difference
      relativeDifference
    }
  }
}
    `),"\n  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {\n    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }\n  }\n":new H(`
    query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      events(samples: $samples)
    }
  }
}
    `),"\n  query EntityDefaults($name: String!) {\n    entity(name: $name) { defaultAccess codeSavingEnabled }\n  }\n":new H(`
    query EntityDefaults($name: String!) {
  entity(name: $name) {
    defaultAccess
    codeSavingEnabled
  }
}
    `),"\n  fragment ArtifactRef on Artifact {\n    id\n    versionIndex\n    state\n    artifactType { name }\n    artifactSequence { name project { name entityName } }\n    aliases { alias artifactCollection { name } }\n  }\n":He,"\n  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      run(name: $name) {\n        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }\n      }\n    }\n  }\n":new H(`
    query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {
  project(entityName: $entityName, name: $projectName) {
    run(name: $name) {
      inputArtifacts(first: 100) {
        edges {
          node {
            ...ArtifactRef
          }
        }
      }
      outputArtifacts(first: 100) {
        edges {
          node {
            ...ArtifactRef
          }
        }
      }
    }
  }
}
    fragment ArtifactRef on Artifact {
  id
  versionIndex
  state
  artifactType {
    name
  }
  artifactSequence {
    name
    project {
      name
      entityName
    }
  }
  aliases {
    alias
    artifactCollection {
      name
    }
  }
}`),"\n  query ArtifactTypes($entityName: String!, $projectName: String!) {\n    project(entityName: $entityName, name: $projectName) {\n      artifactTypes(first: 50) {\n        edges {\n          node {\n            name\n            description\n            artifactCollections(first: 100) {\n              totalCount\n              edges {\n                node {\n                  __typename name description createdAt updatedAt\n                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n":new H(`
    query ArtifactTypes($entityName: String!, $projectName: String!) {
  project(entityName: $entityName, name: $projectName) {
    artifactTypes(first: 50) {
      edges {
        node {
          name
          description
          artifactCollections(first: 100) {
            totalCount
            edges {
              node {
                __typename
                name
                description
                createdAt
                updatedAt
                artifacts(first: 1) {
                  totalCount
                  edges {
                    version
                    node {
                      createdAt
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `),"\n  fragment ArtifactProject on Project {\n    name\n    entityName\n    access\n    viewerCanWriteArtifacts\n  }\n":Ue,"\n  fragment ArtifactCreator on ArtifactCreator {\n    __typename\n    ... on Run { name displayName project { name entityName } }\n    ... on User { username }\n  }\n":We,"\n  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $name) {\n          __typename id name description createdAt\n          artifacts(first: 100, after: $after) {\n            totalCount\n            pageInfo { endCursor hasNextPage }\n            edges {\n              version\n              node {\n                id versionIndex createdAt size fileCount state\n                aliases { alias artifactCollection { name } }\n                createdBy { ...ArtifactCreator }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n":new H(`
    query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {
  project(entityName: $entityName, name: $projectName) {
    ...ArtifactProject
    artifactType(name: $typeName) {
      artifactCollection(name: $name) {
        __typename
        id
        name
        description
        createdAt
        artifacts(first: 100, after: $after) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            version
            node {
              id
              versionIndex
              createdAt
              size
              fileCount
              state
              aliases {
                alias
                artifactCollection {
                  name
                }
              }
              createdBy {
                ...ArtifactCreator
              }
            }
          }
        }
      }
    }
  }
}
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}`),"\n  fragment ArtifactFilePage on FileConnection {\n    totalCount\n    pageInfo { endCursor hasNextPage }\n    edges { node { id name sizeBytes digest directUrl } }\n  }\n":Ge,"\n  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {\n    project(entityName: $entityName, name: $projectName) {\n      ...ArtifactProject\n      artifactType(name: $typeName) {\n        artifactCollection(name: $collection) {\n          __typename\n          artifactMembership(aliasName: $version) {\n            artifact {\n              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds\n              artifactType { name }\n              artifactSequence { name project { name entityName } }\n              aliases { alias artifactCollection { name } }\n              createdBy { ...ArtifactCreator }\n              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }\n              files(first: 100, after: $after) { ...ArtifactFilePage }\n            }\n          }\n        }\n      }\n    }\n  }\n":new H(`
    query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {
  project(entityName: $entityName, name: $projectName) {
    ...ArtifactProject
    artifactType(name: $typeName) {
      artifactCollection(name: $collection) {
        __typename
        artifactMembership(aliasName: $version) {
          artifact {
            id
            versionIndex
            state
            description
            metadata
            size
            fileCount
            digest
            digestAlgorithm
            createdAt
            updatedAt
            ttlDurationSeconds
            artifactType {
              name
            }
            artifactSequence {
              name
              project {
                name
                entityName
              }
            }
            aliases {
              alias
              artifactCollection {
                name
              }
            }
            createdBy {
              ...ArtifactCreator
            }
            usedBy(first: 100) {
              totalCount
              edges {
                node {
                  name
                  displayName
                  project {
                    name
                    entityName
                  }
                }
              }
            }
            files(first: 100, after: $after) {
              ...ArtifactFilePage
            }
          }
        }
      }
    }
  }
}
    fragment ArtifactProject on Project {
  name
  entityName
  access
  viewerCanWriteArtifacts
}
fragment ArtifactCreator on ArtifactCreator {
  __typename
  ... on Run {
    name
    displayName
    project {
      name
      entityName
    }
  }
  ... on User {
    username
  }
}
fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}`),"\n  query ArtifactFiles($id: ID!, $after: String) {\n    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }\n  }\n":new H(`
    query ArtifactFiles($id: ID!, $after: String) {
  artifact(id: $id) {
    files(first: 100, after: $after) {
      ...ArtifactFilePage
    }
  }
}
    fragment ArtifactFilePage on FileConnection {
  totalCount
  pageInfo {
    endCursor
    hasNextPage
  }
  edges {
    node {
      id
      name
      sizeBytes
      digest
      directUrl
    }
  }
}`),"\n  mutation AddAliases($input: AddAliasesInput!) {\n    addAliases(input: $input) { success }\n  }\n":new H(`
    mutation AddAliases($input: AddAliasesInput!) {
  addAliases(input: $input) {
    success
  }
}
    `),"\n  mutation DeleteAliases($input: DeleteAliasesInput!) {\n    deleteAliases(input: $input) { success }\n  }\n":new H(`
    mutation DeleteAliases($input: DeleteAliasesInput!) {
  deleteAliases(input: $input) {
    success
  }
}
    `),"\n  fragment MetricRuleFields on MetricRule {\n    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps\n    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt\n  }\n":Ke,"\n  fragment AlertFields on Alert {\n    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil\n    rule { name }\n    run { name displayName }\n  }\n":qe,"\n  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {\n    project(entityName: $entityName, name: $projectName) {\n      name\n      entityName\n      viewerCanManageRules\n      metricRules { ...MetricRuleFields }\n      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }\n    }\n  }\n":new H(`
    query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {
  project(entityName: $entityName, name: $projectName) {
    name
    entityName
    viewerCanManageRules
    metricRules {
      ...MetricRuleFields
    }
    alerts(first: $first, states: $states) {
      totalCount
      edges {
        node {
          ...AlertFields
        }
      }
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}
fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`),"\n  mutation CreateMetricRule($input: CreateMetricRuleInput!) {\n    createMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n":new H(`
    mutation CreateMetricRule($input: CreateMetricRuleInput!) {
  createMetricRule(input: $input) {
    rule {
      ...MetricRuleFields
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}`),"\n  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {\n    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }\n  }\n":new H(`
    mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {
  updateMetricRule(input: $input) {
    rule {
      ...MetricRuleFields
    }
  }
}
    fragment MetricRuleFields on MetricRule {
  id
  name
  metric
  direction
  comparison
  threshold
  tolerance
  toleranceKind
  window
  aggregate
  warmupSteps
  detectNonFinite
  detectFailed
  stallMinutes
  baselineFilters
  scope
  updatedAt
}`),"\n  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {\n    deleteMetricRule(input: $input) { success }\n  }\n":new H(`
    mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {
  deleteMetricRule(input: $input) {
    success
  }
}
    `),"\n  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {\n    acknowledgeAlert(input: $input) { alert { ...AlertFields } }\n  }\n":new H(`
    mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
  acknowledgeAlert(input: $input) {
    alert {
      ...AlertFields
    }
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`),"\n  mutation SnoozeAlert($input: SnoozeAlertInput!) {\n    snoozeAlert(input: $input) { alert { ...AlertFields } }\n  }\n":new H(`
    mutation SnoozeAlert($input: SnoozeAlertInput!) {
  snoozeAlert(input: $input) {
    alert {
      ...AlertFields
    }
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`),"\n  subscription AlertEvents($entityName: String!, $projectName: String!) {\n    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }\n  }\n":new H(`
    subscription AlertEvents($entityName: String!, $projectName: String!) {
  alertEvents(entityName: $entityName, projectName: $projectName) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  title
  text
  severity
  kind
  state
  createdAt
  step
  value
  baselineValue
  acknowledgedAt
  resolvedAt
  snoozedUntil
  rule {
    name
  }
  run {
    name
    displayName
  }
}`)};function U(e){return Je[e]??{}}var Ye={PRIVATE:`PRIVATE`,RESTRICTED:`RESTRICTED`,USER_READ:`PUBLIC`,USER_WRITE:`OPEN`},Xe=[`ADMIN`,`MEMBER`,`SERVICE`],Ze=U(`
  query Viewer {
    viewer {
      id
      username
      fullName
      email
      admin
      defaultEntity { name }
      teams { edges { node { name } } }
      pendingInvites { id entityName role fromUser { username } }
    }
  }
`);async function Qe(){return(await V(Ze)).viewer}function $e(e){return[e.username,...e.teams.edges.map(e=>e.node.name)]}var et=U(`
  query EntityPage($name: String!) {
    entity(name: $name) {
      name
      isTeam
      viewerRole
      viewerCanAdminister
      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }
    }
  }
`);async function tt(e){return Promise.all(e.map(async e=>(await V(et,{name:e})).entity))}var nt=U(`
  query Project($entityName: String!, $name: String!) {
    project(entityName: $entityName, name: $name) {
      id
      name
      entityName
      access
      entity { name isTeam viewerRole viewerCanAdminister }
      baselineRun { name displayName }
      viewerCanSetBaseline
      viewerCanEditRuns
    }
  }
`);async function rt(e,t){return(await V(nt,{entityName:e,name:t})).project}var it=U(`
  query Runs($entityName: String!, $name: String!, $filters: JSONString, $order: String, $after: String, $first: Int, $withCount: Boolean!) {
    project(entityName: $entityName, name: $name) {
      runCount(filters: $filters) @include(if: $withCount)
      runs(filters: $filters, order: $order, after: $after, first: $first) {
        pageInfo { endCursor hasNextPage }
        edges {
          node { id name displayName state createdAt heartbeatAt group jobType user { username } config summaryMetrics tags }
        }
      }
    }
  }
`);async function at(e,t,n,r,i,a=100){let o=await V(it,{entityName:e,name:t,filters:n,order:r,after:i,first:a,withCount:i===null});if(!o.project)throw Error(`project not found`);let s=o.project.runs;return{runs:s.edges.map(({node:e})=>({...e,config:JSON.parse(e.config),summary:JSON.parse(e.summaryMetrics)})),totalCount:o.project.runCount??null,endCursor:s.pageInfo.endCursor,hasNextPage:s.pageInfo.hasNextPage}}var ot=U(`
  mutation MoveRuns($input: MoveRunsInput!) {
    moveRuns(input: $input) { movedCount dryRun runs { name } }
  }
`);async function st(e){return(await V(ot,{input:e})).moveRuns}var ct=U(`
  mutation DeleteRuns($input: DeleteRunsInput!) {
    deleteRuns(input: $input) { deletedCount }
  }
`);async function lt(e,t,n){return(await V(ct,{input:{entityName:e,projectName:t,...n}})).deleteRuns.deletedCount}var ut=U(`
  mutation UpdateRunTags($input: UpdateRunTagsInput!) {
    updateRunTags(input: $input) { matchedCount updatedCount }
  }
`);async function dt(e,t,n,r,i){return(await V(ut,{input:{entityName:e,projectName:t,...n,addTags:r,removeTags:i}})).updateRunTags}var ft=U(`
  mutation SetBaseline($input: SetProjectBaselineInput!) {
    setProjectBaseline(input: $input) { project { id } }
  }
`);async function pt(e,t,n){await V(ft,{input:{entityName:e,projectName:t,runName:n}})}var mt=U(`
  query SampledHistory($entityName: String!, $projectName: String!, $filters: JSONString!, $first: Int!, $specs: [JSONString!]!) {
    project(entityName: $entityName, name: $projectName) {
      runs(filters: $filters, first: $first) { edges { node { name sampledHistory(specs: $specs) } } }
    }
  }
`);async function ht(e,t,n,r,i=500,a=r.map(e=>[e])){if(n.length===0||r.length===0)return{};let o=a.map(e=>JSON.stringify({keys:e,samples:i})),s=await V(mt,{entityName:e,projectName:t,filters:JSON.stringify({name:{$in:n}}),first:n.length,specs:o}),c={};for(let{node:e}of s.project?.runs.edges??[])c[e.name]=e.sampledHistory;return c}var gt=U(`
  query RunPage($entityName: String!, $projectName: String!, $name: String!) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) {
        id name displayName state user { username } serviceAccount { username } host program commit gitRemote exitCode
        createdAt heartbeatAt config summaryMetrics tags notes historyKeys logLineCount
        alerts { id title text severity createdAt }
        files(first: 100) { edges { node { name sizeBytes directUrl updatedAt } } }
      }
    }
  }
`);async function _t(e,t,n){let r=(await V(gt,{entityName:e,projectName:t,name:n})).project?.run;return r?{...r,historyKeys:r.historyKeys??{}}:null}var vt=U(`
  query ConsoleLines($entityName: String!, $projectName: String!, $name: String!, $after: Int, $first: Int) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) { state logLineCount consoleLines(after: $after, first: $first) { offset text } }
    }
  }
`);async function yt(e,t,n,r,i){let a=(await V(vt,{entityName:e,projectName:t,name:n,after:r,first:i})).project?.run;return a?{state:a.state,lineCount:a.logLineCount,lines:a.consoleLines}:null}var bt=U(`
  query Team($name: String!) {
    entity(name: $name) {
      name
      isTeam
      viewerRole
      viewerCanAdminister
      viewerCanInvite
      defaultAccess
      codeSavingEnabled
      storageRegion
      ... on Team { membersCanInvite }
      members { id role pending email username name accountType apiKey createdAt }
      projects(first: 100) { edges { node { name entityName access updatedAt runCount } } }
    }
  }
`);async function xt(e){return(await V(bt,{name:e})).entity}var St=U(`
  mutation SetAccess($input: UpsertModelInput!) {
    upsertModel(input: $input) { project { access } }
  }
`);async function Ct(e,t,n){let r=(await V(St,{input:{entityName:e,name:t,access:n}})).upsertModel?.project;if(!r)throw Error(`project ${e}/${t} not found`);return r.access}var wt=U(`
  mutation UpdateEntity($input: UpdateEntityInput!) {
    updateEntity(input: $input) { entity { name } }
  }
`);async function Tt(e){await V(wt,{input:e})}var Et=U(`
  mutation Invite($input: CreateInviteInput!) {
    createInvite(input: $input) { invite { id } }
  }
`);async function Dt(e,t,n){let r=n;await V(Et,{input:t.includes(`@`)?{entityName:e,email:t,role:r}:{entityName:e,username:t,role:r}})}var Ot=U(`
  mutation DeleteInvite($input: DeleteInviteInput!) {
    deleteInvite(input: $input) { success }
  }
`);async function kt(e){await V(Ot,{input:{id:e}})}var At=U(`
  mutation AcceptInvite($input: AcceptInviteInput!) {
    acceptInvite(input: $input) { role }
  }
`);async function jt(e){await V(At,{input:{id:e}})}var Mt=U(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) { member { role } }
  }
`);async function Nt(e,t,n){await V(Mt,{input:{entityName:e,username:t,role:n}})}var Pt=U(`
  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { user { id } }
  }
`);async function Ft(e,t){await V(Pt,{input:{entityName:e,description:t}})}var It=U(`
  query Audit($entityName: String!) {
    auditEvents(entityName: $entityName, first: 50) { edges { node { id action actorUsername createdAt targetType } } }
  }
`);async function Lt(e){return(await V(It,{entityName:e})).auditEvents.edges.map(e=>e.node)}var Rt=U(`
  query ApiKeys {
    viewer { id apiKeys { edges { node { id name description createdAt lastUsedAt revoked } } } }
  }
`);async function zt(){return(await V(Rt)).viewer?.apiKeys.edges.map(e=>e.node)??[]}var Bt=U(`
  mutation GenerateApiKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) { secret }
  }
`);async function Vt(e){return(await V(Bt,{input:{description:e}})).generateApiKey.secret}var Ht=U(`
  mutation DeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) { success }
  }
`);async function Ut(e){await V(Ht,{input:{id:e}})}var Wt=U(`
  mutation SetDefaultEntity($input: UpdateUserInput!) {
    updateUser(input: $input) { user { id } }
  }
`);async function Gt(e){await V(Wt,{input:{defaultEntity:e}})}var Kt=U(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) { entity { name } }
  }
`);async function qt(e){await V(Kt,{input:{teamName:e}})}var Jt=U(`
  query Compare($entityName: String!, $projectName: String!, $keys: [String!]!, $runNames: [String!]) {
    compareRuns(entityName: $entityName, projectName: $projectName, keys: $keys, runNames: $runNames) {
      baseline { name displayName }
      rows { run { name displayName } key value baselineValue difference relativeDifference }
    }
  }
`);async function Yt(e,t,n,r){return(await V(Jt,{entityName:e,projectName:t,keys:n,runNames:r})).compareRuns}var Xt=U(`
  query SystemMetrics($entityName: String!, $projectName: String!, $name: String!, $samples: Int) {
    project(entityName: $entityName, name: $projectName) { run(name: $name) { events(samples: $samples) } }
  }
`);async function Zt(e,t,n,r=500){return((await V(Xt,{entityName:e,projectName:t,name:n,samples:r})).project?.run?.events??[]).map(e=>JSON.parse(e))}var Qt=U(`
  query EntityDefaults($name: String!) {
    entity(name: $name) { defaultAccess codeSavingEnabled }
  }
`);async function $t(e){return(await V(Qt,{name:e})).entity}U(`
  fragment ArtifactRef on Artifact {
    id
    versionIndex
    state
    artifactType { name }
    artifactSequence { name project { name entityName } }
    aliases { alias artifactCollection { name } }
  }
`);var W=U(`
  query RunArtifacts($entityName: String!, $projectName: String!, $name: String!) {
    project(entityName: $entityName, name: $projectName) {
      run(name: $name) {
        inputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }
        outputArtifacts(first: 100) { edges { node { ...ArtifactRef } } }
      }
    }
  }
`);async function en(e,t,n){let r=(await V(W,{entityName:e,projectName:t,name:n})).project?.run;return r?{inputs:r.inputArtifacts.edges.map(e=>e.node),outputs:r.outputArtifacts.edges.map(e=>e.node)}:null}var tn=U(`
  query ArtifactTypes($entityName: String!, $projectName: String!) {
    project(entityName: $entityName, name: $projectName) {
      artifactTypes(first: 50) {
        edges {
          node {
            name
            description
            artifactCollections(first: 100) {
              totalCount
              edges {
                node {
                  __typename name description createdAt updatedAt
                  artifacts(first: 1) { totalCount edges { version node { createdAt } } }
                }
              }
            }
          }
        }
      }
    }
  }
`);async function nn(e,t){let n=await V(tn,{entityName:e,projectName:t});return n.project?n.project.artifactTypes.edges.map(e=>e.node):null}U(`
  fragment ArtifactProject on Project {
    name
    entityName
    access
    viewerCanWriteArtifacts
  }
`),U(`
  fragment ArtifactCreator on ArtifactCreator {
    __typename
    ... on Run { name displayName project { name entityName } }
    ... on User { username }
  }
`);var rn=U(`
  query ArtifactCollection($entityName: String!, $projectName: String!, $typeName: String!, $name: String!, $after: String) {
    project(entityName: $entityName, name: $projectName) {
      ...ArtifactProject
      artifactType(name: $typeName) {
        artifactCollection(name: $name) {
          __typename id name description createdAt
          artifacts(first: 100, after: $after) {
            totalCount
            pageInfo { endCursor hasNextPage }
            edges {
              version
              node {
                id versionIndex createdAt size fileCount state
                aliases { alias artifactCollection { name } }
                createdBy { ...ArtifactCreator }
              }
            }
          }
        }
      }
    }
  }
`);async function an(e,t,n,r,i=null){let a=await V(rn,{entityName:e,projectName:t,typeName:n,name:r,after:i});if(!a.project)return null;let{artifactType:o,...s}=a.project;return{project:s,collection:o?.artifactCollection??null}}U(`
  fragment ArtifactFilePage on FileConnection {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id name sizeBytes digest directUrl } }
  }
`);var on=U(`
  query ArtifactVersion($entityName: String!, $projectName: String!, $typeName: String!, $collection: String!, $version: String!, $after: String) {
    project(entityName: $entityName, name: $projectName) {
      ...ArtifactProject
      artifactType(name: $typeName) {
        artifactCollection(name: $collection) {
          __typename
          artifactMembership(aliasName: $version) {
            artifact {
              id versionIndex state description metadata size fileCount digest digestAlgorithm createdAt updatedAt ttlDurationSeconds
              artifactType { name }
              artifactSequence { name project { name entityName } }
              aliases { alias artifactCollection { name } }
              createdBy { ...ArtifactCreator }
              usedBy(first: 100) { totalCount edges { node { name displayName project { name entityName } } } }
              files(first: 100, after: $after) { ...ArtifactFilePage }
            }
          }
        }
      }
    }
  }
`);async function sn(e,t,n,r,i){let a=await V(on,{entityName:e,projectName:t,typeName:n,collection:r,version:i,after:null});if(!a.project)return null;let{artifactType:o,...s}=a.project,c=o?.artifactCollection;return{project:s,collectionType:c?.__typename??null,artifact:c?.artifactMembership?.artifact??null}}var cn=U(`
  query ArtifactFiles($id: ID!, $after: String) {
    artifact(id: $id) { files(first: 100, after: $after) { ...ArtifactFilePage } }
  }
`);async function ln(e,t){let n=await V(cn,{id:e,after:t});if(!n.artifact)throw Error(`the artifact is gone`);return n.artifact.files}var un=U(`
  mutation AddAliases($input: AddAliasesInput!) {
    addAliases(input: $input) { success }
  }
`);async function dn(e,t,n){await V(un,{input:{artifactID:e,aliases:[{...t,alias:n}]}})}var fn=U(`
  mutation DeleteAliases($input: DeleteAliasesInput!) {
    deleteAliases(input: $input) { success }
  }
`);async function pn(e,t,n){await V(fn,{input:{artifactID:e,aliases:[{...t,alias:n}]}})}U(`
  fragment MetricRuleFields on MetricRule {
    id name metric direction comparison threshold tolerance toleranceKind window aggregate warmupSteps
    detectNonFinite detectFailed stallMinutes baselineFilters scope updatedAt
  }
`),U(`
  fragment AlertFields on Alert {
    id title text severity kind state createdAt step value baselineValue acknowledgedAt resolvedAt snoozedUntil
    rule { name }
    run { name displayName }
  }
`);var mn=U(`
  query ProjectAlerts($entityName: String!, $projectName: String!, $states: [AlertState!], $first: Int) {
    project(entityName: $entityName, name: $projectName) {
      name
      entityName
      viewerCanManageRules
      metricRules { ...MetricRuleFields }
      alerts(first: $first, states: $states) { totalCount edges { node { ...AlertFields } } }
    }
  }
`);async function hn(e,t,n,r=50){return(await V(mn,{entityName:e,projectName:t,states:n,first:r})).project}var gn=U(`
  mutation CreateMetricRule($input: CreateMetricRuleInput!) {
    createMetricRule(input: $input) { rule { ...MetricRuleFields } }
  }
`);async function _n(e){return(await V(gn,{input:e})).createMetricRule.rule}var vn=U(`
  mutation UpdateMetricRule($input: UpdateMetricRuleInput!) {
    updateMetricRule(input: $input) { rule { ...MetricRuleFields } }
  }
`);async function yn(e){return(await V(vn,{input:e})).updateMetricRule.rule}var bn=U(`
  mutation DeleteMetricRule($input: DeleteMetricRuleInput!) {
    deleteMetricRule(input: $input) { success }
  }
`);async function xn(e,t,n){await V(bn,{input:{entityName:e,projectName:t,name:n}})}var Sn=U(`
  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) {
    acknowledgeAlert(input: $input) { alert { ...AlertFields } }
  }
`);async function Cn(e){return(await V(Sn,{input:{id:e}})).acknowledgeAlert.alert}var wn=U(`
  mutation SnoozeAlert($input: SnoozeAlertInput!) {
    snoozeAlert(input: $input) { alert { ...AlertFields } }
  }
`);async function Tn(e,t){return(await V(wn,{input:{id:e,minutes:t}})).snoozeAlert.alert}var En=U(`
  subscription AlertEvents($entityName: String!, $projectName: String!) {
    alertEvents(entityName: $entityName, projectName: $projectName) { ...AlertFields }
  }
`),Dn=[`table`,`compare`,`artifacts`,`alerts`];function On(e,t){let n=e.split(`/`).filter(Boolean).map(decodeURIComponent),r=new URLSearchParams(t);if(n.length===0)return{page:`home`};if(n[0]===`login`&&n.length===1)return{page:`login`,next:kn(r.get(`next`))};if(n[0]===`settings`&&n.length===1)return{page:`settings`};if(n[0]===`teams`&&n.length===2)return{page:`team`,team:n[1]};if(n.length===1)return{page:`entity`,entity:n[0]};if(n.length===2){let e=r.get(`view`),t=r.has(`table`)?`table`:Dn.find(t=>t===e)??`workspace`;return{page:`project`,entity:n[0],project:n[1],view:t}}if(n.length===3&&(n[2]===`table`||n[2]===`runs`))return{page:`project`,entity:n[0],project:n[1],view:`table`};if(n.length===3&&n[2]===`workspace`)return{page:`project`,entity:n[0],project:n[1],view:`workspace`};if(n.length===3&&n[2]===`alerts`)return{page:`project`,entity:n[0],project:n[1],view:`alerts`};if(n[2]===`artifacts`){let[e,t,,r,i,a]=n;if(n.length<=4)return{page:`project`,entity:e,project:t,view:`artifacts`};if(n.length===5)return{page:`artifactCollection`,entity:e,project:t,type:r,collection:i};if(n.length===6||n.length===7)return{page:`artifactVersion`,entity:e,project:t,type:r,collection:i,version:a}}return(n.length===4||n.length===5)&&n[2]===`runs`?{page:`run`,entity:n[0],project:n[1],run:n[3]}:{page:`missing`}}function kn(e){return e&&e.startsWith(`/`)&&!e.startsWith(`//`)&&!e.startsWith(`/\\`)?e:`/`}function An(e,t,n){let r=`/${encodeURIComponent(e)}/${encodeURIComponent(t)}`;return n&&n!==`workspace`?`${r}?view=${n}`:r}function jn(e,t,n){return`${An(e,t)}/runs/${encodeURIComponent(n)}`}function Mn(e,t,n,r){return`/${encodeURIComponent(e)}/${encodeURIComponent(t)}/artifacts/${encodeURIComponent(n)}/${encodeURIComponent(r)}`}function Nn(e,t,n,r,i){return`${Mn(e,t,n,r)}/${encodeURIComponent(i)}`}var Pn=new Set;function Fn(e,t=!1){t?history.replaceState(null,``,e):history.pushState(null,``,e),Pn.forEach(e=>e()),window.scrollTo(0,0)}function In(){let[,e]=R(0);return z(()=>{let t=()=>e(e=>e+1);return Pn.add(t),window.addEventListener(`popstate`,t),()=>{Pn.delete(t),window.removeEventListener(`popstate`,t)}},[]),{pathname:location.pathname,search:location.search}}function Ln(e){let t=e.currentTarget;e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||t.origin===location.origin&&(e.preventDefault(),Fn(t.pathname+t.search))}var Rn=Symbol.for(`pv`),zn=0;Array.isArray;function G(t,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Rn,__v:--zn,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}function Bn(e,t){let[n,r]=R({state:`loading`}),[i,a]=R(0);return z(()=>{let t=!0;return e().then(e=>t&&r({state:`done`,value:e}),e=>t&&r({state:`failed`,error:e.message,code:e instanceof Me?e.code:void 0})),()=>{t=!1}},[...t,i]),[n,Ce(()=>a(e=>e+1),[])]}function K(e){return G(`a`,{href:e.href,onClick:Ln,class:e.class,"aria-current":e[`aria-current`],children:e.children})}function Vn(){return Un(`Not found`),G(`section`,{class:`notfound`,children:[G(`h1`,{children:`Not found`}),G(`p`,{children:`There is nothing here, or you may not see it.`}),G(K,{href:`/`,children:`Go home`})]})}function q({error:e}){return G(`p`,{role:`alert`,class:`error`,children:e})}function Hn(){return G(`p`,{class:`muted`,"aria-live":`polite`,children:`Loading…`})}function J({loaded:e,children:t}){return e.state===`loading`?G(Hn,{}):e.state===`failed`?e.code===`NOT_FOUND`?G(Vn,{}):G(q,{error:e.error}):e.value===null||e.value===void 0?G(Vn,{}):G(y,{children:t(e.value)})}function Un(e){z(()=>{document.title=`${e} · Labbook`},[e])}function Wn(e){if(!e)return``;let t=new Date(e);return isNaN(t.getTime())?e:t.toLocaleString()}function Gn(e){if(e<1024)return`${e} B`;let t=[`KB`,`MB`,`GB`,`TB`],n=e/1024,r=0;for(;n>=1024&&r<t.length-1;)n/=1024,r++;return`${n.toFixed(1)} ${t[r]}`}function Kn(){let[e,t]=R(null),[n,r]=R(!1);return[Ce(async e=>{r(!0),t(null);try{return await e(),!0}catch(e){return t(e.message),!1}finally{r(!1)}},[]),e,n]}function qn(e){return`${e} ${e===1?`run`:`runs`}`}function Jn({next:e,onSignedIn:t}){Un(`Sign in`);let[n,r]=R(``),[i,a]=R(``),[o,s]=R(``),[c,l]=R(null),[u,d]=R(!1);async function f(r){r.preventDefault(),d(!0),l(null);try{await ze(o.trim()?{apiKey:o.trim()}:{username:n,password:i}),t(),Fn(e,!0)}catch(e){l(e.message)}finally{d(!1)}}return G(`main`,{id:`main`,class:`login`,children:[G(`h1`,{children:`Sign in to Labbook`}),G(`form`,{onSubmit:f,"aria-describedby":c?`login-error`:void 0,children:[G(`label`,{children:[`Username or email`,G(`input`,{name:`username`,autoComplete:`username`,value:n,onInput:e=>r(e.currentTarget.value)})]}),G(`label`,{children:[`Password`,G(`input`,{name:`password`,type:`password`,autoComplete:`current-password`,value:i,onInput:e=>a(e.currentTarget.value)})]}),G(`p`,{class:`muted`,children:`or`}),G(`label`,{children:[`API key`,G(`input`,{name:`apiKey`,type:`password`,autoComplete:`off`,value:o,onInput:e=>s(e.currentTarget.value)})]}),c&&G(`p`,{role:`alert`,id:`login-error`,class:`error`,children:c}),G(`button`,{type:`submit`,disabled:u,children:`Sign in`})]})]})}function Yn({viewer:e,refreshViewer:t}){Un(`Home`);let n=$e(e),[r]=Bn(()=>tt(n),[n.join(`,`)]),[i,a,o]=Kn();return G(y,{children:[G(`h1`,{children:[`Welcome, `,e.fullName||e.username]}),e.pendingInvites.length>0&&G(`section`,{"aria-labelledby":`invites-heading`,children:[G(`h2`,{id:`invites-heading`,children:`Pending invites`}),G(`ul`,{class:`cards`,children:e.pendingInvites.map(e=>G(`li`,{children:[`Join `,G(`strong`,{children:e.entityName}),` as `,e.role,e.fromUser&&G(y,{children:[` (invited by `,e.fromUser.username,`)`]}),` `,G(`button`,{type:`button`,disabled:o,"aria-label":`Accept invite to ${e.entityName}`,onClick:()=>i(()=>jt(e.id)).then(e=>e&&t()),children:`Accept`}),` `,G(`button`,{type:`button`,disabled:o,"aria-label":`Decline invite to ${e.entityName}`,onClick:()=>i(()=>kt(e.id)).then(e=>e&&t()),children:`Decline`})]},e.id))}),a&&G(q,{error:a})]}),G(`section`,{"aria-labelledby":`entities-heading`,children:[G(`h2`,{id:`entities-heading`,children:`Your entities`}),G(`ul`,{class:`cards`,children:n.map(t=>G(`li`,{children:[G(K,{href:`/${t}`,children:t}),t===e.defaultEntity?.name&&G(`span`,{class:`badge`,children:`default`}),t!==e.username&&G(y,{children:[` `,G(K,{href:`/teams/${t}`,children:`Team settings`})]})]},t))})]}),G(`section`,{"aria-labelledby":`recent-heading`,children:[G(`h2`,{id:`recent-heading`,children:`Recent projects`}),G(J,{loaded:r,children:e=>{let t=e.flatMap(e=>e?.projects.edges.map(e=>e.node)??[]).sort((e,t)=>t.updatedAt.localeCompare(e.updatedAt)).slice(0,20);return t.length===0?G(`p`,{class:`muted`,children:`No projects yet: log a run with the wandb client.`}):G(`table`,{"aria-label":`Recent projects`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Project`}),G(`th`,{scope:`col`,children:`Privacy`}),G(`th`,{scope:`col`,children:`Runs`}),G(`th`,{scope:`col`,children:`Last activity`})]})}),G(`tbody`,{children:t.map(e=>G(`tr`,{children:[G(`td`,{children:G(K,{href:An(e.entityName,e.name),children:`${e.entityName}/${e.name}`})}),G(`td`,{children:Ye[e.access]??e.access}),G(`td`,{children:e.runCount}),G(`td`,{children:Wn(e.updatedAt)})]},`${e.entityName}/${e.name}`))})]})}})]})]})}function Xn({name:e}){Un(e);let[t]=Bn(()=>tt([e]).then(e=>e[0]),[e]);return G(J,{loaded:t,children:e=>G(y,{children:[G(`h1`,{children:e.name}),e.isTeam&&e.viewerRole&&G(`p`,{children:G(K,{href:`/teams/${e.name}`,children:`Team settings`})}),G(`table`,{"aria-label":`Projects`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Project`}),G(`th`,{scope:`col`,children:`Privacy`}),G(`th`,{scope:`col`,children:`Runs`}),G(`th`,{scope:`col`,children:`Last activity`})]})}),G(`tbody`,{children:e.projects.edges.map(({node:e})=>G(`tr`,{children:[G(`td`,{children:G(K,{href:An(e.entityName,e.name),children:e.name})}),G(`td`,{children:Ye[e.access]??e.access}),G(`td`,{children:e.runCount}),G(`td`,{children:Wn(e.updatedAt)})]},e.name))})]}),e.projects.edges.length===0&&G(`p`,{class:`muted`,children:`No projects you may see.`})]})})}function Zn(e){return typeof e==`object`?e.key:e}function Qn(e,t){let n=e.length;return new Proxy(e,{get(e,r,i){if(typeof r==`string`){let i=r.charCodeAt(0);if(i>=48&&i<=57){let i=+r;if(Number.isInteger(i)&&i>=0&&i<n){let n=e[i];if(typeof n!=`object`){let r=t[i*2];n=e[i]={index:i,key:n,start:r,size:t[i*2+1],end:r+t[i*2+1],lane:0}}return n}}if(r===`length`)return n}return Reflect.get(e,r,i)}})}function $n(e,t,n){let r=n.initialDeps??[],i,a=!0;function o(){let o=e();return(o.length!==r.length||o.some((e,t)=>r[t]!==e))&&(r=o,i=t(...o),n?.onChange&&!(a&&n.skipInitialOnChange)&&n.onChange(i),a=!1),i}return o.updateDeps=e=>{r=e},o}function er(e,t){if(e===void 0)throw Error(`Unexpected undefined${t?`: ${t}`:``}`);return e}var tr=(e,t)=>Math.abs(e-t)<1.01,nr=(e,t,n)=>{let r;return Object.assign(function(...i){e.clearTimeout(r),r=e.setTimeout(()=>t.apply(this,i),n)},{cancel:()=>{e.clearTimeout(r)}})};function rr({offset:e,isScrolling:t,elementMax:n,holdOffset:r,scrollOffset:i,pendingWrite:a,clampedMaxAtWrite:o}){return t&&a===null&&e===i?`spurious`:a!==null&&Math.abs(e-a.target)<1.5?`readBack`:a!==null&&!a.smooth&&n!==null&&a.target>n+r+.5&&Math.abs(e-(n+r))<1.5||a!==null&&!a.smooth&&a.lowMaxes?.some(t=>Math.abs(e-t)<1.5)?`clampedReadBack`:o!==null&&Math.abs(e-o)<1.5?`clampedEcho`:`external`}var ir=e=>e===`smooth`||e===`smoothFinishing`;function ar({kind:e,offset:t,command:n,target:r}){return e!==`spurious`&&e!==`readBack`&&e!==`clampedReadBack`&&n?.index!=null&&n.phase!==`queued`&&!ir(n.phase)&&!tr(t,n.lastTargetOffset)&&!tr(t,r())&&e!==`clampedEcho`}var or=40;function sr(e){let t=e[e.length-1];if(t===void 0)return!1;let n=e.length-2;for(;n>=0&&t.t-e[n].t<or;)n--;if(n<0)return!1;let r=e[n],i=n-1;for(;i>=0&&r.t-e[i].t<or;)i--;if(i<0)return!1;let a=e[i],o=(t.offset-r.offset)/(t.t-r.t),s=(r.offset-a.offset)/(r.t-a.t);return o*s>=0&&Math.abs(o)>=2*Math.abs(s)&&Math.abs(o)-Math.abs(s)>=.8}function cr(e){let t=e[e.length-1];if(t===void 0)return!1;let n=e.length-2;for(;n>=0&&t.t-e[n].t<or;)n--;if(n<0)return!1;let r=e[n];return Math.abs(t.offset-r.offset)/(t.t-r.t)>=.05}var lr,ur=()=>{if(lr!==void 0)return lr;if(typeof navigator>`u`)return lr=!1;if(/iP(hone|od|ad)/.test(navigator.userAgent))return lr=!0;let e=navigator.maxTouchPoints;return lr=navigator.platform===`MacIntel`&&e!==void 0&&e>0},dr,fr=()=>dr===void 0?dr=ur()&&typeof CSS<`u`&&typeof CSS.supports==`function`&&CSS.supports(`overflow-anchor: auto`):dr,pr=()=>!ur()||fr(),mr={capture:!0,passive:!0},hr=class{constructor(e){this.host=e,this._touch=null,this.inMotion=()=>this._touch!==null&&this._touch.phase!==`lateFling`,this.dragging=()=>this._touch?.phase===`down`&&this._touch.moved,this.tail=()=>this._touch?.phase===`tail`?this._touch.moved?`fling`:`tap`:null,this.onScroll=({isScrolling:e,ownReadBack:t,moved:n,external:r})=>(e&&this._touch?.phase===`tail`?this._openTail(this._touch.moved||!t,!1):this._touch?.phase===`lateFling`&&(this.host.now()>this._touch.until?this._touch=null:r&&e&&n&&this._openTail(!0,!1)),!t&&e&&n&&this._touch?.phase===`down`?(this._touch.moved=!0,!0):!1),this.touchStart=()=>{this.end(),this._touch={phase:`down`,moved:!1}},this.touchEnd=()=>{let e=this._touch?.phase===`down`&&this._touch.moved;this.end(),this._openTail(e,e)},this.end=()=>{let e=this.host.getWindow();this._touch?.phase===`tail`&&e!=null&&e.clearTimeout(this._touch.timerId),this._touch=null},this.listen=e=>{let t=()=>this.touchStart(),n=()=>this.touchEnd();return e.addEventListener(`touchstart`,t,mr),e.addEventListener(`touchend`,n,mr),e.addEventListener(`touchcancel`,n,mr),()=>{e.removeEventListener(`touchstart`,t,mr),e.removeEventListener(`touchend`,n,mr),e.removeEventListener(`touchcancel`,n,mr),this.end()}},this._openTail=(e,t)=>{let n=this.host.getWindow();if(n==null)return;this.end();let r={phase:`tail`,moved:e,awaitingFling:t,timerId:n.setTimeout(()=>{this.host.tailStillMoving()?this._openTail(r.moved,r.awaitingFling):(this._touch=r.awaitingFling?{phase:`lateFling`,until:this.host.now()+1e3}:null,this.host.onTailClosed())},150)};this._touch=r}}get touch(){return this._touch}},gr=e=>{let{clientWidth:t,clientHeight:n}=e;return{width:t,height:n}},_r=e=>{let t=new Set;return{schedule:n=>{let r=e.requestAnimationFrame(()=>{t.delete(r),n()});t.add(r)},cancel:()=>{t.forEach(t=>e.cancelAnimationFrame(t)),t.clear()}}},vr=e=>e,yr=e=>{let t=e.overscan*Math.max(e.lanes??1,1),n=Math.max(e.startIndex-t,0),r=Math.min(e.endIndex+t,e.count-1)-n+1,i=Array(r);for(let e=0;e<r;e++)i[e]=n+e;return i},br=(e,t)=>{let n=e.scrollElement;if(!n)return;let r=e.targetWindow;if(!r)return;let i=e=>{let{width:n,height:r}=e;t({width:Math.round(n),height:Math.round(r)})};if(i(gr(n)),!r.ResizeObserver)return()=>{};let a=_r(r),o=new r.ResizeObserver(()=>{let t=()=>{i(gr(n))};e.options.useAnimationFrameWithResizeObserver?a.schedule(t):t()});return o.observe(n,{box:`content-box`}),()=>{o.unobserve(n),a.cancel()}},xr={passive:!0},Sr=typeof window>`u`||`onscrollend`in window,Cr=(e,t,n)=>{let r=e.scrollElement;if(!r)return;let i=e.targetWindow;if(!i)return;let a=e.options.useScrollendEvent&&Sr,o=0,s=a?null:nr(i,()=>t(n(r),!1),e.options.isScrollingResetDelay),c=e=>()=>{o=n(r),s?.(),t(o,e)},l=c(!0),u=c(!1);return r.addEventListener(`scroll`,l,xr),a&&r.addEventListener(`scrollend`,u,xr),()=>{r.removeEventListener(`scroll`,l),a&&r.removeEventListener(`scrollend`,u),s?.cancel()}},wr=(e,t)=>Cr(e,t,t=>{let{horizontal:n,isRtl:r}=e.options;return n?t.scrollLeft*(r&&-1||1):t.scrollTop}),Tr=(e,t,n)=>{if(n.options.useCachedMeasurements){let t=n.indexFromElement(e),r=n.options.getItemKey(t);return n.itemSizeCache.get(r)??n.options.estimateSize(t)}if(t?.borderBoxSize){let e=t.borderBoxSize[0];if(e)return Math.round(e[n.options.horizontal?`inlineSize`:`blockSize`])}if(!t){let t=n.indexFromElement(e),r=n.options.getItemKey(t),i=n.itemSizeCache.get(r);if(i!==void 0)return i}return e[n.options.horizontal?`offsetWidth`:`offsetHeight`]},Er=(e,{adjustments:t=0,behavior:n},r)=>{var i;let{scrollElement:a,options:o}=r,s=e+t,c=o.horizontal&&o.isRtl&&a!==null&&`ownerDocument`in a;(i=a?.scrollTo)==null||i.call(a,{[o.horizontal?`left`:`top`]:c?-s:s,behavior:n})},Dr=(e,t)=>e===`smooth`?t?`smoothLanded`:`smooth`:`instant`,Or=e=>e?.phase===`smooth`||e?.phase===`smoothLanded`;function kr(e,t,n,r){if(t===0)return!1;let i=r(0),a=new Set,o=0;for(;o<e;){let e=n(o);if(e===i)break;a.add(e),o++}let s=e-o;if(s===0||s>=t)return!1;for(let e=0;e<s;e++)if(r(e)!==n(o+e))return!1;for(let e=s;e<t;e++)if(a.has(r(e)))return!1;return!0}var Ar=class{constructor(e){this.unsubs=[],this.scrollElement=null,this.targetWindow=null,this.isScrolling=!1,this.scrollState=null,this.measurementsCache=[],this._singleLaneMeasurements=null,this.itemSizeCache=new Map,this.itemSizeCacheVersion=0,this.laneAssignments=new Map,this.pendingMin=null,this.prevLanes=void 0,this.lanesChangedFlag=!1,this.lanesSettling=!1,this.pendingScrollAnchor=null,this.scrollRect=null,this.scrollOffset=null,this.scrollDirection=null,this._holdOffset=0,this._reportedOverscroll=!1,this._iosGesture=new hr({getWindow:()=>this.targetWindow,now:()=>this.now(),tailStillMoving:()=>{let e=this.scrollState;if(e?.phase!==`queued`||this.pendingWrite!==null)return!1;let t=this._readElementOffset();return t===null||this._lastElementOffset===null||Math.abs(t-this._lastElementOffset)<1?!1:(this._lastElementOffset=t,e.samples=[...e.samples??[],{t:this.now(),offset:t}],!0)},onTailClosed:()=>{let e=this.scrollState;e?.phase===`queued`&&cr(e.samples??[])&&(this.scrollState=null),this._flushHoldIfReady(!0),this._writeAwaitingCommand(),this._retryClampedAdjustment()}}),this._lastElementOffset=null,this.pendingWrite=null,this._clampedAdjustment=null,this.elementsCache=new Map,this._resizeBatch=null,this.now=()=>{var e;return((e=this.targetWindow?.performance)?.now)?.call(e)??Date.now()},this.observer=(()=>{let e=null,t=null,n=!1,r=!1,i=new Set,a=()=>{if(e)return e;let r=this.targetWindow;if(!r||!r.ResizeObserver)return null;let i=t=_r(r);return e=new r.ResizeObserver(e=>{let t=()=>{let t={sync:!1};this._resizeBatch=t;try{e.forEach(o)}finally{this._resizeBatch=null,t.notify&&(this.notify(t.sync),this._noteClampMax(),this._flushHoldIfReady(!0),this._retryClampedAdjustment(),this.measureElement(null))}};if(this.options.useAnimationFrameWithResizeObserver)i.schedule(t);else{n=!0;try{t()}finally{n=!1}}})},o=e=>{let t=e.target,n=this.indexFromElement(t);if(t.isConnected)this.isIndexInRange(n)&&this.shouldMeasureDuringScroll(n)&&this.resizeItem(n,this.options.measureElement(t,e,this));else{this.observer.unobserve(t);for(let[e,n]of this.elementsCache)if(n===t){this.elementsCache.delete(e);break}}};return{disconnect:()=>{var n;(n=a())==null||n.disconnect(),t?.cancel(),i.clear(),r=!1,e=null,t=null},observe:o=>{let s=a();s&&(n?(i.add(o),r||(r=!0,t?.schedule(()=>{r=!1,i.forEach(t=>{t.isConnected&&e?.observe(t,{box:`border-box`})}),i.clear()}))):s.observe(o,{box:`border-box`}))},unobserve:e=>{var t;i.delete(e),(t=a())==null||t.unobserve(e)}}})(),this.range=null,this.setOptions=e=>{let t={debug:!1,initialOffset:0,overscan:1,paddingStart:0,paddingEnd:0,scrollPaddingStart:0,scrollPaddingEnd:0,horizontal:!1,getItemKey:vr,rangeExtractor:yr,onChange:()=>{},measureElement:Tr,initialRect:{width:0,height:0},scrollMargin:0,gap:0,indexAttribute:`data-index`,initialMeasurementsCache:[],lanes:1,anchorTo:`start`,followOnAppend:!1,scrollEndThreshold:1,isScrollingResetDelay:150,enabled:!0,isRtl:!1,useScrollendEvent:!1,useAnimationFrameWithResizeObserver:!1,laneAssignmentMode:`estimate`,useCachedMeasurements:!1};for(let n in e){let r=e[n];r!==void 0&&(t[n]=r)}let n=this.options,r=null,i=null,a=!1;if(n!==void 0&&n.enabled&&t.enabled&&t.anchorTo===`end`&&this.scrollElement!==null){let e=n.count,o=t.count,s=this.getMeasurements(),c=this._singleLaneMeasurements?.items??s,l=e=>Zn(c[e]),u=e>0?l(0):null,d=e>0?l(e-1):null;if(o!==e||e>0&&o>0&&(t.getItemKey(0)!==u||t.getItemKey(o-1)!==d)){a=!0;let c=e>0?this.getVirtualItemForOffset(this.getScrollOffset())??s[0]:null;c&&(r=[c.key,this.getScrollOffset()-c.start]);let u=t.followOnAppend===!0?`auto`:t.followOnAppend||null;u&&o>0&&this.isAtEnd(n.scrollEndThreshold)&&(e===0||t.getItemKey(o-1)!==d)&&(o>e||kr(e,o,l,t.getItemKey))&&(i=u)}}this.options=t,a&&(this.pendingMin=0,this.itemSizeCacheVersion++);let o=null;if(r&&this.scrollOffset!==null&&!this._awaitingCommandReadBack()){let[e,t]=r,n=this.getMeasurements(),{count:a,getItemKey:s}=this.options,c=0;for(;c<a&&s(c)!==e;)c++;if(c<a){let e=n[c];if(e){let n=Math.max(0,e.start+t);!i&&n!==this.scrollOffset&&(o=n-this.scrollOffset,this.scrollOffset=n)}}}i?this.pendingScrollAnchor={kind:`follow`,behavior:i}:o!==null&&(this._canWriteScroll()?this.pendingScrollAnchor={kind:`anchor`,delta:o}:(this._holdOffset+=o,this._followOffsetTarget(o)))},this.notify=e=>{var t,n;(n=(t=this.options).onChange)==null||n.call(t,this,e)},this.maybeNotify=$n(()=>(this.calculateRange(),[this.isScrolling,this.range?this.range.startIndex:null,this.range?this.range.endIndex:null]),e=>{this.notify(e)},{key:!1,debug:()=>this.options.debug,initialDeps:[this.isScrolling,this.range?this.range.startIndex:null,this.range?this.range.endIndex:null]}),this.cleanup=()=>{var e;this.unsubs.filter(Boolean).forEach(e=>e()),this.unsubs=[],this.observer.disconnect(),this.rafId!=null&&this.targetWindow&&(this.targetWindow.cancelAnimationFrame(this.rafId),this.rafId=null),this.scrollState=null,(e=this._momentumStop)==null||e.restore(),this._momentumStop=null,this.isScrolling=!1,this.scrollDirection=null,this._holdOffset=0,this._reportedOverscroll=!1,this._clampedAdjustment=null,this.pendingWrite=null,this.scrollElement=null,this.targetWindow=null},this._didMount=()=>()=>{this.cleanup()},this._willUpdate=()=>{let e=this.options.enabled?this.options.getScrollElement():null;if(this.scrollElement!==e){if(this.cleanup(),!e){this.maybeNotify();return}this.scrollElement=e,this.targetWindow=this.scrollElement&&`ownerDocument`in this.scrollElement?this.scrollElement.ownerDocument.defaultView:this.scrollElement?.window??null,this.elementsCache.forEach(e=>{this.observer.observe(e)}),this.unsubs.push(this.options.observeElementRect(this,e=>{this.scrollRect=e,this.maybeNotify()})),this.unsubs.push(this.options.observeElementOffset(this,(e,t)=>{let n=t?this._elementMaxScrollOffset():null,r=this._reportedOverscroll;this._reportedOverscroll=e<0||n!==null&&e>n+1;let i=e;this._lastElementOffset=i,e=this._toLayoutOffset(e);let a=this._classifyScrollEvent(e,t,n);if(a===`spurious`)return;a===`readBack`?e=this.pendingWrite.target:a===`clampedReadBack`&&this.scrollState?.index!=null&&e<this.getMaxScrollOffset()-1.5?this.scrollState.lastTargetOffset=e:ar({kind:a,offset:e,command:this.scrollState,target:()=>this.getScrollStateTarget(this.scrollState)})&&(this.scrollState=null),this.pendingWrite=null,this._clampedAdjustment!==null&&Math.abs(e-this._clampedAdjustment.maxAtWrite)>=1.5&&(this._clampedAdjustment=null);let o=this.getScrollOffset(),s=this.scrollDirection;this.scrollDirection=t?o===e?this.scrollDirection:o<e?`forward`:`backward`:null,this.scrollOffset=e,this.isScrolling=t;let c=this.scrollState;if(c?.phase===`queued`&&a===`external`&&t){if(r||this._reportedOverscroll)c.samples=[];else{let e=this.now();c.samples=[...(c.samples??[]).filter(t=>e-t.t<=200),{t:e,offset:i}],(s!==null&&this.scrollDirection!==s||sr(c.samples))&&(this.scrollState=null)}}this._iosGesture.onScroll({isScrolling:t,ownReadBack:a===`readBack`,moved:e!==o,external:a===`external`&&this.scrollState?.phase!==`smooth`&&this.scrollState?.phase!==`smoothFinishing`})&&this.scrollState?.phase===`queued`&&(this.scrollState=null),this._flushHoldIfReady(!0),this.scrollState&&this.scheduleScrollReconcile(),this.maybeNotify()})),`addEventListener`in this.scrollElement&&this.unsubs.push(this._iosGesture.listen(this.scrollElement)),this._scrollToOffset(this.getScrollOffset())}this._noteClampMax();let t=this.pendingScrollAnchor;this.pendingScrollAnchor=null,t&&this.scrollElement&&this.options.enabled&&(t.kind===`anchor`?this._canWriteScroll()?Or(this.scrollState)&&!tr(this.getScrollOffset()-t.delta,this.scrollState.lastTargetOffset)||(this._followOffsetTarget(t.delta),this._scrollToOffset(this.getScrollOffset())):(this._holdOffset+=t.delta,this._followOffsetTarget(t.delta),this.notify(!1)):this.scrollToEnd({behavior:t.behavior})),this._flushHoldIfReady(!1),this._retryClampedAdjustment()},this._classifyScrollEvent=(e,t,n)=>rr({offset:e,isScrolling:t,elementMax:n,holdOffset:this._holdOffset,scrollOffset:this.scrollOffset,pendingWrite:this.pendingWrite,clampedMaxAtWrite:this._clampedAdjustment?.maxAtWrite??null}),this._retryClampedAdjustment=()=>{if(this._clampedAdjustment===null||!this.scrollElement||!this.options.enabled||!this._canWriteScroll())return;let{target:e,maxAtWrite:t}=this._clampedAdjustment,n=this.getMaxScrollOffset();n>t+.5&&(this._clampedAdjustment=e>n+.5?{target:e,maxAtWrite:n}:null,this._scrollToOffset(e))},this._writeAwaitingCommand=()=>{let e=this.scrollState;if(e===null||e.phase!==`queued`)return;let{behavior:t}=e;this.getMeasurements();let n=this.getScrollStateTarget(e);e.lastTargetOffset=n,this._clampedAdjustment=null,e.phase=Dr(t,e.index!=null&&tr(n,this.getScrollOffset())),this._scrollToOffset(n,{behavior:t}),this.scheduleScrollReconcile()},this._readElementOffset=()=>{let e=this.scrollElement;if(e==null)return null;let{horizontal:t,isRtl:n}=this.options;return typeof e.scrollTop==`number`?t?e.scrollLeft*(n&&-1||1):e.scrollTop:typeof e.scrollY==`number`?t?e.scrollX:e.scrollY:null},this._canWriteScroll=()=>!(ur()&&this._iosGesture.inMotion())&&!this._reportedOverscroll,this._flushHoldIfReady=e=>{if(this._holdOffset===0||!this.scrollElement||!this.options.enabled||!this._canWriteScroll()||this.scrollState?.phase===`smooth`)return;this._holdOffset=0,this.scrollOffset!==null&&this.scrollOffset<0&&(this.scrollOffset=0),this.notify(e);let t=this.getCommandWrittenOffset()??this.getScrollOffset();this._clampedAdjustment=this._clampedBy(t),this._scrollToOffset(t)},this.rafId=null,this.getSize=()=>this.options.enabled?(this.scrollRect=this.scrollRect??this.options.initialRect,this.scrollRect[this.options.horizontal?`width`:`height`]):(this.scrollRect=null,0),this.getScrollOffset=()=>this.options.enabled?(this.scrollOffset=this.scrollOffset??(typeof this.options.initialOffset==`function`?this.options.initialOffset():this.options.initialOffset),this.scrollOffset):(this.scrollOffset=null,0),this.getMeasurementOptions=$n(()=>[this.options.count,this.options.paddingStart,this.options.scrollMargin,this.options.getItemKey,this.options.enabled,this.options.lanes,this.options.laneAssignmentMode,this.options.gap],(e,t,n,r,i,a,o,s)=>(this.prevLanes!==void 0&&this.prevLanes!==a&&(this.lanesChangedFlag=!0),this.prevLanes=a,this.pendingMin=null,{count:e,paddingStart:t,scrollMargin:n,getItemKey:r,enabled:i,lanes:a,laneAssignmentMode:o,gap:s}),{key:!1}),this.isIndexInRange=e=>e>=0&&e<this.options.count,this.getMeasurements=$n(()=>[this.getMeasurementOptions(),this.itemSizeCacheVersion],({count:e,paddingStart:t,scrollMargin:n,getItemKey:r,enabled:i,lanes:a,laneAssignmentMode:o,gap:s},c)=>{let l=this.itemSizeCache;if(!i)return this.measurementsCache=[],this._singleLaneMeasurements=null,this.itemSizeCache.clear(),this.laneAssignments.clear(),[];if(this.laneAssignments.size>e)for(let t of this.laneAssignments.keys())t>=e&&this.laneAssignments.delete(t);this.lanesChangedFlag&&(this.lanesChangedFlag=!1,this.lanesSettling=!0,this.measurementsCache=[],this._singleLaneMeasurements=null,this.itemSizeCache.clear(),this.laneAssignments.clear(),this.pendingMin=null),this.measurementsCache.length===0&&!this.lanesSettling&&(this.measurementsCache=this.options.initialMeasurementsCache,this.measurementsCache.forEach(e=>{this.itemSizeCache.set(e.key,e.size)}));let u=this.lanesSettling?0:this.pendingMin??0;if(this.pendingMin=null,this.lanesSettling&&this.measurementsCache.length===e&&(this.lanesSettling=!1),a===1){let i=e*2,a=this._singleLaneMeasurements?.flat;if(!a||a.length<i){let e=new Float64Array(i);a&&u>0&&e.set(a.subarray(0,u*2)),a=e}let o=u===0?Array(e):this._singleLaneMeasurements.items.slice(),c;if(u===0)c=t+n;else{let e=u-1;c=a[e*2]+a[e*2+1]+s}for(let t=u;t<e;t++){let e=r(t);o[t]=e;let n=l.get(e),i=typeof n==`number`?n:this.options.estimateSize(t);a[t*2]=c,a[t*2+1]=i,c+=i+s}this._singleLaneMeasurements={flat:a,items:o};let d=Qn(o,a);return this.measurementsCache=d,d}let d=this.measurementsCache.slice(0,u),f=Array(a).fill(void 0),p=new Float64Array(a),m=0;for(let e=0;e<u;e++){let t=d[e];t&&(f[t.lane]===void 0&&m++,f[t.lane]=e,p[t.lane]=t.end)}for(let i=u;i<e;i++){let e=r(i),c=this.laneAssignments.get(i),u,h,g=o===`estimate`||l.has(e);if(c!==void 0&&this.options.lanes>1){u=c;let e=f[u],r=e===void 0?void 0:d[e];h=r?r.end+s:t+n}else if(m===a){let e=0,t=p[0],n=f[0];for(let r=1;r<a;r++){let i=p[r];(i<t||i===t&&f[r]<n)&&(e=r,t=i,n=f[r])}u=e,h=t+s,g&&this.laneAssignments.set(i,u)}else u=i%this.options.lanes,h=t+n,g&&this.laneAssignments.set(i,u);let _=l.get(e),v=typeof _==`number`?_:this.options.estimateSize(i),y=h+v;d[i]={index:i,start:h,size:v,end:y,key:e,lane:u},f[u]===void 0&&m++,f[u]=i,p[u]=y}return this.measurementsCache=d,d},{key:!1,debug:()=>this.options.debug}),this.calculateRange=$n(()=>[this.getMeasurements(),this.getSize(),this.getScrollOffset(),this.options.lanes,this._getLayoutTotalSize()+this.options.scrollMargin],(e,t,n,r,i)=>{if(e.length===0||t===0)return this.range=null,null;let a=Math.max(i-t,0);return this.range=Nr(e,t,Math.min(n,a),r,r===1&&this._singleLaneMeasurements!==null?this._singleLaneMeasurements.flat:null),this.range},{key:!1,debug:()=>this.options.debug}),this.getVirtualIndexes=$n(()=>{let e=null,t=null,n=this.calculateRange();return n&&(e=n.startIndex,t=n.endIndex),this.maybeNotify.updateDeps([this.isScrolling,e,t]),[this.options.rangeExtractor,this.options.overscan,this.options.count,e,t,this.options.lanes]},(e,t,n,r,i,a)=>r===null||i===null?[]:e({startIndex:r,endIndex:i,overscan:t,count:n,lanes:a}),{key:!1,debug:()=>this.options.debug}),this.indexFromElement=e=>{let t=this.options.indexAttribute,n=e.getAttribute(t);return n?parseInt(n,10):(console.warn(`Missing attribute name '${t}={index}' on measured element.`),-1)},this.shouldMeasureDuringScroll=e=>{if(!Or(this.scrollState))return!0;let t=this.scrollState.index??this.getVirtualItemForOffset(this.scrollState.lastTargetOffset)?.index;if(t!==void 0&&this.range){let n=Math.max(this.options.overscan,Math.ceil((this.range.endIndex-this.range.startIndex)/2)),r=Math.max(0,t-n),i=Math.min(this.options.count-1,t+n);return e>=r&&e<=i}return!0},this.measureElement=e=>{if(!e){this.elementsCache.forEach((e,t)=>{e.isConnected||(this.observer.unobserve(e),this.elementsCache.delete(t))});return}let t=this.indexFromElement(e);if(!this.isIndexInRange(t))return;let n=this.options.getItemKey(t),r=this.elementsCache.get(n);r!==e&&(r&&this.observer.unobserve(r),this.observer.observe(e),this.elementsCache.set(n,e)),e.isConnected&&(!this.isScrolling||this.scrollState)&&this.shouldMeasureDuringScroll(t)&&this.resizeItem(t,this.options.measureElement(e,void 0,this))},this.resizeItem=(e,t)=>{var n;if(!this.isIndexInRange(e))return;this._resizeBatch?.sync&&this.getMeasurements();let r,i,a,o=this._singleLaneMeasurements?.flat;if(this.options.lanes===1&&o!=null)a=this.options.getItemKey(e),i=o[e*2],r=o[e*2+1];else{let t=this.measurementsCache[e];if(!t)return;a=t.key,i=t.start,r=t.size}let s=this.itemSizeCache.get(a)??r,c=t-s;if(c!==0){let o=this.options.anchorTo===`end`&&!Or(this.scrollState)&&this.getVirtualDistanceFromEnd()<=this.options.scrollEndThreshold,l=o?this._getLayoutTotalSize():0,u=this.getScrollOffset(),d=this.itemSizeCache.has(a)?i+s<=u&&this.scrollDirection!==`backward`:i<u,f=!Or(this.scrollState)&&(this.shouldAdjustScrollPositionOnItemSizeChange===void 0?d:this.shouldAdjustScrollPositionOnItemSizeChange(this.measurementsCache[e]??{index:e,key:a,start:i,size:r,end:i+r,lane:0},c,this));(this.pendingMin===null||e<this.pendingMin)&&(this.pendingMin=e),this.itemSizeCache.set(a,t),this.itemSizeCacheVersion++;let p=!1;if(this._awaitingCommandReadBack()||(o?p=this.applyScrollAdjustment(this._getLayoutTotalSize()-l):f&&(p=this.applyScrollAdjustment(c))),this._resizeBatch){this._resizeBatch.notify=!0,(n=this._resizeBatch).sync||(n.sync=p);return}this.notify(p),this._noteClampMax(),this._flushHoldIfReady(!0),this._retryClampedAdjustment()}},this.getVirtualItems=$n(()=>[this.getVirtualIndexes(),this.getMeasurements(),this._holdOffset],(e,t,n)=>{let r=[];for(let i=0,a=e.length;i<a;i++){let a=t[e[i]];r.push(n===0?a:{...a,start:a.start-n,end:a.end-n})}return r},{key:!1,debug:()=>this.options.debug}),this.getVirtualItemForOffset=e=>{let t=this.getMeasurements();if(t.length===0)return;let n=this._singleLaneMeasurements?.flat,r=this.options.lanes===1&&n!=null;return er(t[jr(0,t.length-1,r?e=>n[e*2]:e=>er(t[e]).start,e)])},this._noteClampMax=()=>{if(!this._awaitingCommandReadBack())return;let e=this._elementMaxScrollOffset();if(e===null)return;let t=this.pendingWrite,n=Math.max(e,0)+this._holdOffset;if(n>=t.target)return;let r=t.lowMaxes??=[];r[r.length-1]!==n&&r.push(n)},this.getMaxScrollOffset=()=>(this._elementMaxScrollOffset()??0)+this._holdOffset,this._toLayoutOffset=e=>{let t=e+this._holdOffset;return this.pendingScrollAnchor?.kind===`anchor`&&(t+=this.pendingScrollAnchor.delta),t},this._elementMaxScrollOffset=()=>{let e=this.scrollElement;if(e===null)return null;if(`scrollHeight`in e)return this.options.horizontal?e.scrollWidth-e.clientWidth:e.scrollHeight-e.clientHeight;if(`document`in e){let t=e.document.documentElement;return this.options.horizontal?t.scrollWidth-e.innerWidth:t.scrollHeight-e.innerHeight}return null},this._momentumStop=null,this._stopMomentum=e=>{let t=this.scrollElement,n=this.targetWindow;if(t===null||n===null)return;let r=`document`in t?t.document.scrollingElement:t;if(!r?.style)return;if(this._momentumStop){this._momentumStop.done=e;return}let{style:i}=r,a=this.options.horizontal?`overflow-x`:`overflow-y`,o=i.getPropertyValue(a),s=i.getPropertyPriority(a),c=()=>this.options.horizontal?r.clientHeight:r.clientWidth,l=c();if(i.setProperty(a,`hidden`,`important`),c()!==l){i.setProperty(a,o,s);return}let u={restore:()=>i.getPropertyValue(a)!==`hidden`||i.getPropertyPriority(a)!==`important`?!1:(i.setProperty(a,o,s),!0),done:e};this._momentumStop=u,n.requestAnimationFrame(()=>n.requestAnimationFrame(()=>{this._momentumStop===u&&(this._momentumStop=null,u.restore()&&u.done())}))},this._clampedBy=e=>{let t=this._elementMaxScrollOffset();if(t===null)return null;let n=t+this._holdOffset;return e>n+.5?{target:e,maxAtWrite:n}:null},this.getVirtualDistanceFromEnd=()=>Math.max(this._getLayoutTotalSize()+this.options.scrollMargin-this.getSize()-this.getScrollOffset(),0),this.getDistanceFromEnd=()=>Math.max(this.getMaxScrollOffset()-this.getScrollOffset(),0),this.isAtEnd=(e=this.options.scrollEndThreshold)=>this.getDistanceFromEnd()<=e,this.getOffsetForAlignment=(e,t,n=0)=>{if(!this.scrollElement)return 0;let r=this.getSize(),i=this.getScrollOffset();t===`auto`&&(t=e>=i+r?`end`:`start`),t===`center`?e+=(n-r)/2:t===`end`&&(e-=r);let a=this.getMaxScrollOffset();return Math.max(Math.min(a,e),0)},this.getOffsetForIndex=(e,t=`auto`)=>{e=Math.max(0,Math.min(e,this.options.count-1));let n=this.getSize(),r=this.getScrollOffset(),i=this.getMeasurements()[e];if(!i)return;if(t===`auto`){if(i.end>=r+n-this.options.scrollPaddingEnd)t=`end`;else if(i.start<=r+this.options.scrollPaddingStart)t=`start`;else return[r,t]}if(t===`end`&&e===this.options.count-1){let e=this.getMaxScrollOffset(),n=e-this.options.paddingEnd+this.options.scrollPaddingEnd;return[Math.max(Math.min(n,e),0),t]}let a=t===`end`?i.end+this.options.scrollPaddingEnd:i.start-this.options.scrollPaddingStart;return[this.getOffsetForAlignment(a,t,i.size),t]},this.scrollToOffset=(e,{align:t=`start`,behavior:n=`auto`}={})=>{this._startScroll({index:null,align:t},this.getOffsetForAlignment(e,t),n,`absolute`)},this.scrollToIndex=(e,{align:t=`auto`,behavior:n=`auto`}={})=>{e=Math.max(0,Math.min(e,this.options.count-1));let r=this.getOffsetForIndex(e,t);if(!r)return;let[i,a]=r;this._startScroll({index:e,align:a},i,n,`absolute`)},this.scrollBy=(e,{behavior:t=`auto`}={})=>{let n=this.getOffsetForAlignment((this.getCommandWrittenOffset()??this.getScrollOffset())+e,`start`);this._startScroll({index:null,align:`start`},n,t,`relative`)},this.scrollToEnd=({behavior:e=`auto`}={})=>{this.options.count>0?this._startScroll({index:this.options.count-1,align:`end`,toEnd:!0},Math.max(this.getMaxScrollOffset(),0),e,`absolute`):this.scrollToOffset(Math.max(this.getTotalSize()-this.getSize(),0),{behavior:e})},this.cancelScroll=()=>{this.rafId!=null&&this.targetWindow&&(this.targetWindow.cancelAnimationFrame(this.rafId),this.rafId=null),this.scrollState=null},this.getTotalSize=()=>Math.max(this._getLayoutTotalSize()-this._holdOffset,0),this._getLayoutTotalSize=()=>{let e=this.getMeasurements(),t;if(e.length===0)t=this.options.paddingStart;else if(this.options.lanes===1){let n=e.length-1,r=this._singleLaneMeasurements?.flat;t=r==null?e[n]?.end??0:r[n*2]+r[n*2+1]}else{let n=Array(this.options.lanes).fill(null),r=e.length-1;for(;r>=0&&n.some(e=>e===null);){let t=e[r];n[t.lane]===null&&(n[t.lane]=t.end),r--}t=Math.max(...n.filter(e=>e!==null))}return Math.max(t-this.options.scrollMargin+this.options.paddingEnd,0)},this.takeSnapshot=()=>{let e=[];if(this.itemSizeCache.size===0)return e;let t=this.getMeasurements();for(let n of t)n&&this.itemSizeCache.has(n.key)&&e.push({index:n.index,key:n.key,start:n.start,size:n.size,end:n.end,lane:n.lane});return e},this._scrollToOffset=(e,{adjustments:t,behavior:n}={})=>{let r={target:e+(t??0),smooth:n===`smooth`};return this.pendingWrite=r,this.options.scrollToFn(e-this._holdOffset,{behavior:n,adjustments:t},this),r},this.getCommandWrittenOffset=()=>this.scrollState!==null&&this.pendingWrite!==null&&!this.pendingWrite.smooth?this.pendingWrite.target:null,this._awaitingCommandReadBack=()=>{let e=this.getCommandWrittenOffset();return!(ur()&&this._iosGesture.dragging())&&e!==null&&!tr(e,this.getScrollOffset())},this._followOffsetTarget=e=>{this.scrollState!==null&&this.scrollState.index==null&&(this.scrollState.lastTargetOffset+=e)},this.measure=()=>{this.pendingMin=null,this.itemSizeCache.clear(),this.laneAssignments.clear(),this.itemSizeCacheVersion++,this.notify(!1)},this.setOptions(e)}get scrollAdjustments(){return 0}applyScrollAdjustment(e,t){if(e===0)return!1;if(this._followOffsetTarget(e),this._canWriteScroll()){let n=this.getScrollOffset();this._clampedAdjustment=this._clampedBy(n+e);let r=this._scrollToOffset(n,{adjustments:e,behavior:t});return this.scrollOffset!==null&&(this.pendingWrite===r&&(this.scrollOffset+=e),this.scrollOffset<0&&(this.scrollOffset=0)),!0}return this._holdOffset+=e,this.scrollOffset!==null&&(this.scrollOffset+=e),!0}scheduleScrollReconcile(){this.targetWindow?this.rafId??=this.targetWindow.requestAnimationFrame(()=>{this.rafId=null,this.reconcileScroll()}):this.scrollState=null}getScrollStateTarget(e){let t=e.toEnd?[Math.max(this.getMaxScrollOffset(),0)]:e.index==null?void 0:this.getOffsetForIndex(e.index,e.align);return t?t[0]:e.lastTargetOffset}reconcileScroll(){if(!this.scrollState||!this.scrollElement)return;if(this.now()-this.scrollState.startedAt>5e3){this.scrollState=null;return}if(this.scrollState.phase===`queued`){this.scheduleScrollReconcile();return}this.getMeasurements();let e=this.getScrollStateTarget(this.scrollState),t=this.scrollState.index==null?1:this.options.useAnimationFrameWithResizeObserver?3:2,n=e!==this.scrollState.lastTargetOffset;if(!n&&tr(e,this.getScrollOffset())){if(this.scrollState.phase===`smooth`?this.scrollState.phase=`smoothLanded`:this.scrollState.phase===`smoothFinishing`&&(this.scrollState.phase=`instant`),this.scrollState.stableFrames++,this.scrollState.stableFrames>=t){this.getScrollOffset()!==e&&this._scrollToOffset(e,{behavior:`auto`}),this.scrollState=null;return}}else if(this.scrollState.stableFrames=0,n){let t=this.getSize()||600,n=Math.abs(e-this.getScrollOffset()),r=Or(this.scrollState)&&n>t;this.scrollState.lastTargetOffset=e,r?this.scrollState.phase=`smooth`:this.scrollState.phase===`smooth`?this.scrollState.phase=`smoothFinishing`:this.scrollState.phase===`smoothLanded`&&(this.scrollState.phase=`instant`),this._scrollToOffset(e,{behavior:r?`smooth`:`auto`})}this.scheduleScrollReconcile()}_startScroll(e,t,n,r){this.pendingScrollAnchor=null,this._clampedAdjustment=null;let i=this._iosGesture.tail();if(r===`absolute`&&i!==null){if(i===`fling`&&pr()){this._stopMomentum(()=>{this.scrollState?.phase!==`queued`||this._iosGesture.tail()!==`fling`||this._reportedOverscroll||(this._iosGesture.end(),this._flushHoldIfReady(!0),this._writeAwaitingCommand())}),this.scrollState={...e,startedAt:this.now(),lastTargetOffset:t,stableFrames:0,phase:`queued`,behavior:n,samples:[]},this.scheduleScrollReconcile();return}this._iosGesture.end()}this.scrollState={...e,startedAt:this.now(),lastTargetOffset:t,stableFrames:0,behavior:n,phase:Dr(n,e.index!=null&&tr(t,this.getScrollOffset()))},this._scrollToOffset(t,{behavior:n}),this.scheduleScrollReconcile()}},jr=(e,t,n,r)=>{for(;e<=t;){let i=(e+t)/2|0,a=n(i);if(a<r)e=i+1;else if(a>r)t=i-1;else return i}return e>0?e-1:0};function Mr(e,t,n){let r=0;for(;r<=t;){let i=(r+t)/2|0,a=e[i*2];if(a<n)r=i+1;else if(a>n)t=i-1;else return i}return r>0?r-1:0}function Nr(e,t,n,r,i){let a=e.length-1;if(e.length<=r)return{startIndex:0,endIndex:a};if(r===1&&i!==null){let e=Mr(i,a,n),r=e,o=n+t;for(;r<a&&i[r*2]+i[r*2+1]<o;)r++;return{startIndex:e,endIndex:r}}let o=jr(0,a,t=>e[t].start,n),s=o;if(r===1)for(;s<a&&e[s].end<n+t;)s++;else if(r>1){let i=Array(r).fill(0);for(;s<a&&i.some(e=>e<n+t);){let t=e[s];i[t.lane]=t.end,s++}let c=Array(r).fill(n+t);for(;o>=0&&c.some(e=>e>=n);){let t=e[o];c[t.lane]=t.start,o--}o=Math.max(0,o-o%r),s=Math.min(a,s+(r-1-s%r))}return{startIndex:o,endIndex:s}}var Pr=[`=`,`!=`,`>`,`>=`,`<`,`<=`,`contains`],Fr={"!=":`$ne`,">":`$gt`,">=":`$gte`,"<":`$lt`,"<=":`$lte`};function Ir(e){let t=e.trim();return t!==``&&/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)?Number(t):t===`true`||t!==`false`&&e}function Lr(e){return e.replace(/[.*+?^${}()|[\]\\]/g,`\\$&`)}function Rr(e){if(!e.key.trim())throw Error(`a filter needs a key`);let t=Ir(e.value);if(e.op===`=`)return{[e.key]:t};if(e.op===`contains`)return{[e.key]:{$regex:Lr(e.value)}};if((e.op===`>`||e.op===`>=`||e.op===`<`||e.op===`<=`)&&typeof t!=`number`)throw Error(`${e.key} ${e.op} needs a number, not "${e.value}"`);return{[e.key]:{[Fr[e.op]]:t}}}function zr(e){let t=e.flatMap(e=>Br(e)?e.$and:[e]).filter(e=>Object.keys(e).length>0);return t.length===0?null:t.length===1?t[0]:{$and:t}}function Br(e){return Object.keys(e).length===1&&Array.isArray(e.$and)}function Vr(e){if(!e.trim())return{ok:!0,value:null};let t;try{t=JSON.parse(e)}catch(e){return{ok:!1,error:`the filter is not valid JSON: ${e.message}`}}return t===null?{ok:!0,value:null}:typeof t!=`object`||Array.isArray(t)?{ok:!1,error:`the filter must be a JSON object`}:{ok:!0,value:t}}function Hr(e,t){let n=Vr(e);if(!n.ok)throw Error(n.error);let r=zr([...n.value?[n.value]:[],Rr(t)]);return JSON.stringify(r)}function Ur(e,t){let n=[...t],r=e??{};return n.length===0?r:zr([r,{name:{$nin:n}}])??{}}var Wr=[{key:`state`,label:`State`},{key:`username`,label:`User`,sortable:!1},{key:`created_at`,label:`Created`},{key:`heartbeat_at`,label:`Last heartbeat`},{key:`group`,label:`Group`,sortable:!1},{key:`jobType`,label:`Job type`,sortable:!1},{key:`tags`,label:`Tags`,sortable:!1}];function Gr(e,t){let n=e[t];return n&&typeof n==`object`&&!Array.isArray(n)&&`value`in n?n.value:n}function Kr(e){let t=new Set,n=new Set;for(let r of e)Object.keys(r.config).forEach(e=>!e.startsWith(`_`)&&t.add(e)),Object.keys(r.summary).forEach(e=>!e.startsWith(`_`)&&n.add(e));return[...[...t].sort().map(e=>({key:`config.${e}`,label:e})),...[...n].sort().map(e=>({key:`summary_metrics.${e}`,label:e}))]}function qr(e,t){if(t===`state`)return e.state;if(t===`username`)return e.user?.username??``;if(t===`created_at`)return e.createdAt;if(t===`heartbeat_at`)return e.heartbeatAt;if(t===`group`)return e.group??``;if(t===`jobType`)return e.jobType??``;if(t===`tags`)return e.tags.join(`, `);if(t.startsWith(`config.`))return Gr(e.config,t.slice(7));if(t.startsWith(`summary_metrics.`))return e.summary[t.slice(16)]}function Jr(e){return e==null?``:typeof e==`number`?Number.isInteger(e)?String(e):e.toPrecision(4).replace(/\.?0+$/,``):typeof e==`string`?e:JSON.stringify(e)}function Yr(e,t){return e===`+${t}`?`-${t}`:e===`-${t}`?`-created_at`:`+${t}`}function Xr(e,t){return e===`+${t}`?`ascending`:e===`-${t}`?`descending`:`none`}var Zr={order:[],hidden:[],pinned:[]};function Qr(e,t){let n=n=>{let r=t.order.indexOf(n);return r===-1?t.order.length+e.findIndex(e=>e.key===n):r};return e.filter(e=>!t.hidden.includes(e.key)).sort((e,r)=>Number(t.pinned.includes(r.key))-Number(t.pinned.includes(e.key))||n(e.key)-n(r.key))}function $r(e,t){let n=e.hidden.includes(t)?e.hidden.filter(e=>e!==t):[...e.hidden,t];return{...e,hidden:n}}function ei(e,t){let n=e.pinned.includes(t)?e.pinned.filter(e=>e!==t):[...e.pinned,t];return{...e,pinned:n}}function ti(e,t,n,r){let i=Qr(e,{...t,pinned:[]}).map(e=>e.key),a=i.indexOf(n),o=a+r;if(a===-1||o<0||o>=i.length)return t;[i[a],i[o]]=[i[o],i[a]];let s=t.order.filter(e=>!i.includes(e));return{...t,order:[...i,...s]}}var ni={all:!1,names:new Set},ri={all:!0,names:new Set};function ii(e,t){return e.all!==e.names.has(t)}function ai(e,t){let n=new Set(e.names);return n.has(t)?n.delete(t):n.add(t),{all:e.all,names:n}}function oi(e,t){return e.all?t-e.names.size:e.names.size}function si(e,t){return e.all?{filters:JSON.stringify(Ur(t,e.names))}:{runNames:[...e.names]}}function ci(e){return[...new Set(e.split(`,`).map(e=>e.trim()).filter(e=>e.length>0))]}function li(e,t){let n=new Set;for(let r of t)ii(e,r.name)&&r.tags.forEach(e=>n.add(e));return[...n].sort()}function ui(e,t,n,r){let[i,a]=R({runs:[],total:null,hasNext:!1,loading:!0,error:null}),o=xe(null),s=xe(0),c=xe(!1),l=Ce(async i=>{if(c.current&&!i)return;let l=i?++s.current:s.current;i&&(o.current=null),c.current=!0,a(e=>({...i?{runs:[],total:null,hasNext:!1}:e,loading:!0,error:null}));try{let c=await at(e,t,n,r,o.current);if(l!==s.current)return;o.current=c.endCursor,a(e=>({runs:i?c.runs:[...e.runs,...c.runs],total:c.totalCount??e.total,hasNext:c.hasNextPage,loading:!1,error:null}))}catch(e){l===s.current&&a(t=>({...t,loading:!1,error:e.message}))}finally{l===s.current&&(c.current=!1)}},[e,t,n,r]);z(()=>{l(!0)},[l]);let u=Ce(()=>{c.current||l(!1)},[l]),d=Ce(()=>l(!0),[l]);return{...i,loadMore:u,reload:d}}var di=`__new__`;async function fi(e,t){let n=(await tt($e(e))).filter(e=>!!e&&Xe.includes(e.viewerRole??``)),r=n.flatMap(e=>e.projects.edges.map(t=>`${e.name}/${t.node.name}`)).filter(e=>e!==`${t.entityName}/${t.name}`).sort();return{entities:n.map(e=>e.name),projects:r}}function pi({info:e,viewer:t,count:n,selection:r,onClose:i,onMoved:a}){let o=xe(null),[s]=Bn(()=>fi(t,e),[e.id]),[c,l]=R(``),[u,d]=R(t.username),[f,p]=R(``),[m,h]=R({state:`idle`}),[g,_]=R(null),[v,b]=R(!1);z(()=>{o.current?.showModal()},[]);let x=c===di?f.trim()?`${u}/${f.trim()}`:``:c;function S(t){let[n,i]=x.split(`/`);return{sourceEntityName:e.entityName,sourceProjectName:e.name,destinationEntityName:n,destinationProjectName:i,...r,createDestinationProject:c===di,dryRun:t}}z(()=>{if(!x){h({state:`idle`});return}let e=!0;h({state:`checking`});let t=setTimeout(()=>{st(S(!0)).then(t=>e&&h({state:`ok`,count:t.movedCount}),t=>e&&h({state:`refused`,error:t.message}))},c===di?300:0);return()=>{e=!1,clearTimeout(t)}},[x]);async function C(e){e.preventDefault(),b(!0),_(null);try{a((await st(S(!1))).movedCount,x)}catch(e){_(e.message)}finally{b(!1)}}return G(`dialog`,{ref:o,"aria-labelledby":`move-title`,onClose:i,class:`move`,children:G(`form`,{onSubmit:C,children:[G(`h2`,{id:`move-title`,children:`Move runs`}),G(`p`,{children:[qn(n),` selected in `,e.entityName,`/`,e.name]}),s.state===`loading`&&G(Hn,{}),s.state===`failed`&&G(q,{error:s.error}),s.state===`done`&&G(y,{children:[G(`label`,{children:[`Destination project`,` `,G(`select`,{value:c,onChange:e=>l(e.currentTarget.value),children:[G(`option`,{value:``,children:`Choose a project…`}),s.value.projects.map(e=>G(`option`,{value:e,children:e},e)),G(`option`,{value:di,children:`A new project…`})]})]}),c===di&&G(`p`,{children:[G(`label`,{children:[`New project's entity`,` `,G(`select`,{value:u,onChange:e=>d(e.currentTarget.value),children:s.value.entities.map(e=>G(`option`,{children:e},e))})]}),` `,G(`label`,{children:[`New project name `,G(`input`,{value:f,onInput:e=>p(e.currentTarget.value)})]})]})]}),G(`div`,{"aria-live":`polite`,class:`dryrun`,children:[m.state===`checking`&&G(`p`,{class:`muted`,children:`Checking…`}),m.state===`ok`&&G(`p`,{role:`status`,children:[qn(m.count),` will move to `,x,`.`]})]}),m.state===`refused`&&G(`p`,{role:`alert`,class:`error`,children:m.error}),g&&G(`p`,{role:`alert`,class:`error`,children:g}),G(`div`,{class:`buttons`,children:[G(`button`,{type:`button`,onClick:()=>o.current?.close(),children:`Cancel`}),G(`button`,{type:`submit`,class:`primary`,disabled:v||m.state!==`ok`,children:`Move runs`})]})]})})}function mi({info:e,count:t,selection:n,knownTags:r,onClose:i,onDone:a}){let o=xe(null),[s,c]=R(``),[l,u]=R(``),[d,f]=R(new Set),[p,m]=R(null),[h,g]=R(!1);z(()=>{o.current?.showModal()},[]);let _=ci(s),v=[...new Set([...d,...ci(l)])],y=_.filter(e=>v.includes(e));async function b(t){t.preventDefault(),g(!0),m(null);try{a((await dt(e.entityName,e.name,n,_,v)).updatedCount)}catch(e){m(e.message)}finally{g(!1)}}return G(`dialog`,{ref:o,"aria-labelledby":`tags-title`,onClose:i,class:`move`,children:G(`form`,{onSubmit:b,children:[G(`h2`,{id:`tags-title`,children:`Edit tags`}),G(`p`,{children:[qn(t),` selected in `,e.entityName,`/`,e.name]}),G(`p`,{children:G(`label`,{children:[`Tags to add `,G(`input`,{value:s,onInput:e=>c(e.currentTarget.value),placeholder:`best, baseline`,"aria-describedby":`tags-help`})]})}),r.length>0&&G(`fieldset`,{children:[G(`legend`,{children:`Tags to remove`}),r.map(e=>G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:d.has(e),onChange:t=>{let n=new Set(d);t.currentTarget.checked?n.add(e):n.delete(e),f(n)}}),`Remove `,e]},e))]}),G(`p`,{children:G(`label`,{children:[`Other tags to remove `,G(`input`,{value:l,onInput:e=>u(e.currentTarget.value),"aria-describedby":`tags-help`})]})}),G(`p`,{id:`tags-help`,class:`muted`,children:`Separate tags with commas. Runs keep their other tags.`}),y.length>0&&G(`p`,{role:`alert`,class:`error`,children:[y.join(`, `),`: a tag cannot be both added and removed`]}),p&&G(`p`,{role:`alert`,class:`error`,children:p}),G(`div`,{class:`buttons`,children:[G(`button`,{type:`button`,onClick:()=>o.current?.close(),children:`Cancel`}),G(`button`,{type:`submit`,class:`primary`,disabled:h||y.length>0||_.length===0&&v.length===0,children:`Save tags`})]})]})})}var hi=!0,gi=`uplot`,_i=`u-hz`,vi=`u-vt`,yi=`u-title`,bi=`u-wrap`,xi=`u-under`,Si=`u-over`,Ci=`u-axis`,wi=`u-off`,Ti=`u-select`,Ei=`u-cursor-x`,Di=`u-cursor-y`,Oi=`u-cursor-pt`,ki=`u-legend`,Ai=`u-live`,ji=`u-inline`,Mi=`u-series`,Ni=`u-marker`,Pi=`u-label`,Fi=`u-value`,Ii=`width`,Li=`height`,Ri=`top`,zi=`bottom`,Bi=`left`,Vi=`right`,Hi=`#000`,Ui=`#0000`,Wi=`mousemove`,Gi=`mousedown`,Ki=`mouseup`,qi=`mouseenter`,Ji=`mouseleave`,Yi=`dblclick`,Xi=`resize`,Zi=`scroll`,Qi=`change`,$i=`dppxchange`,ea=`--`,ta=typeof window<`u`,na=ta?document:null,ra=ta?window:null,ia=ta?navigator:null,Y,aa;function oa(){let e=devicePixelRatio;Y!=e&&(Y=e,aa&&xa(Qi,aa,oa),aa=matchMedia(`(min-resolution: ${Y-.001}dppx) and (max-resolution: ${Y+.001}dppx)`),ba(Qi,aa,oa),ra.dispatchEvent(new CustomEvent($i)))}function sa(e,t){if(t!=null){let n=e.classList;!n.contains(t)&&n.add(t)}}function ca(e,t){let n=e.classList;n.contains(t)&&n.remove(t)}function la(e,t,n){e.style[t]=n+`px`}function ua(e,t,n,r){let i=na.createElement(e);return t!=null&&sa(i,t),n?.insertBefore(i,r),i}function da(e,t){return ua(`div`,e,t)}var fa=new WeakMap;function pa(e,t,n,r,i){let a=`translate(`+t+`px,`+n+`px)`;a!=fa.get(e)&&(e.style.transform=a,fa.set(e,a),t<0||n<0||t>r||n>i?sa(e,wi):ca(e,wi))}var ma=new WeakMap;function ha(e,t,n){let r=t+n;r!=ma.get(e)&&(ma.set(e,r),e.style.background=t,e.style.borderColor=n)}var ga=new WeakMap;function _a(e,t,n,r){let i=t+``+n;i!=ga.get(e)&&(ga.set(e,i),e.style.height=n+`px`,e.style.width=t+`px`,e.style.marginLeft=r?-t/2+`px`:0,e.style.marginTop=r?-n/2+`px`:0)}var va={passive:!0},ya={...va,capture:!0};function ba(e,t,n,r){t.addEventListener(e,n,r?ya:va)}function xa(e,t,n,r){t.removeEventListener(e,n,va)}ta&&oa();function Sa(e,t,n,r){let i;n||=0,r||=t.length-1;let a=r<=0x7fffffff;for(;r-n>1;)i=a?n+r>>1:Ua((n+r)/2),t[i]<e?n=i:r=i;return e-t[n]<=t[r]-e?n:r}function Ca(e){return(t,n,r)=>{let i=-1,a=-1;for(let a=n;a<=r;a++)if(e(t[a])){i=a;break}for(let i=r;i>=n;i--)if(e(t[i])){a=i;break}return[i,a]}}var wa=e=>e!=null,Ta=e=>e!=null&&e>0,Ea=Ca(wa),Da=Ca(Ta);function Oa(e,t,n,r=0,i=!1){let a=i?Da:Ea,o=i?Ta:wa;[t,n]=a(e,t,n);let s=e[t],c=e[t];if(t>-1){if(r==1)s=e[t],c=e[n];else if(r==-1)s=e[n],c=e[t];else for(let r=t;r<=n;r++){let t=e[r];o(t)&&(t<s?s=t:t>c&&(c=t))}}return[s??eo,c??-eo]}function ka(e,t,n,r){let i=Ya(e),a=Ya(t);e==t&&(i==-1?(e*=n,t/=n):(e/=n,t*=n));let o=n==10?Xa:Za,s=i==1?Ua:Ga,c=a==1?Ga:Ua,l=s(o(Ha(e))),u=c(o(Ha(t))),d=Ja(n,l),f=Ja(n,u);return n==10&&(l<0&&(d=Q(d,-l)),u<0&&(f=Q(f,-u))),r||n==2?(e=d*i,t=f*a):(e=ho(e,d),t=mo(t,f)),[e,t]}function Aa(e,t,n,r){let i=ka(e,t,n,r);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}var ja=.1,Ma={mode:3,pad:ja},Na={pad:0,soft:null,mode:0},Pa={min:Na,max:Na};function Fa(e,t,n,r){return Eo(n)?La(e,t,n):(Na.pad=n,Na.soft=r?0:null,Na.mode=r?3:0,La(e,t,Pa))}function X(e,t){return e??t}function Ia(e,t,n){for(t=X(t,0),n=X(n,e.length-1);t<=n;){if(e[t]!=null)return!0;t++}return!1}function La(e,t,n){let r=n.min,i=n.max,a=X(r.pad,0),o=X(i.pad,0),s=X(r.hard,-eo),c=X(i.hard,eo),l=X(r.soft,eo),u=X(i.soft,-eo),d=X(r.mode,0),f=X(i.mode,0),p=t-e,m=Xa(p),h=qa(Ha(e),Ha(t)),g=Ha(Xa(h)-m);(p<1e-24||g>10)&&(p=0,(e==0||t==0)&&(p=1e-24,d==2&&l!=eo&&(a=0),f==2&&u!=-eo&&(o=0)));let _=p||h||1e3,v=Ja(10,Ua(Xa(_))),y=Q(ho(e-_*(p==0?e==0?.1:1:a),v/10),24),b=e>=l&&(d==1||d==3&&y<=l||d==2&&y>=l)?l:eo,x=qa(s,y<b&&e>=b?b:Ka(b,y)),S=Q(mo(t+_*(p==0?t==0?.1:1:o),v/10),24),C=t<=u&&(f==1||f==3&&S>=u||f==2&&S<=u)?u:-eo,w=Ka(c,S>C&&t<=C?C:qa(C,S));return x==w&&x==0&&(w=100),[x,w]}var Ra=new Intl.NumberFormat(ta?ia.language:`en-US`),za=e=>Ra.format(e),Ba=Math,Va=Ba.PI,Ha=Ba.abs,Ua=Ba.floor,Wa=Ba.round,Ga=Ba.ceil,Ka=Ba.min,qa=Ba.max,Ja=Ba.pow,Ya=Ba.sign,Xa=Ba.log10,Za=Ba.log2,Qa=(e,t=1)=>Ba.sinh(e)*t,$a=(e,t=1)=>Ba.asinh(e/t),eo=1/0;function to(e){return(Xa((e^e>>31)-(e>>31))|0)+1}function no(e,t,n){return Ka(qa(e,t),n)}function ro(e){return typeof e==`function`}function Z(e){return ro(e)?e:()=>e}var io=()=>{},ao=e=>e,oo=(e,t)=>t,so=e=>null,co=e=>!0,lo=(e,t)=>e==t,uo=/\.\d*?(?=9{6,}|0{6,})/gm,fo=e=>{if(Co(e)||go.has(e))return e;let t=`${e}`,n=t.match(uo);if(n==null)return e;let r=n[0].length-1;if(t.indexOf(`e-`)!=-1){let[e,n]=t.split(`e`);return+`${fo(e)}e${n}`}return Q(e,r)};function po(e,t){return fo(Q(fo(e/t))*t)}function mo(e,t){return fo(Ga(fo(e/t))*t)}function ho(e,t){return fo(Ua(fo(e/t))*t)}function Q(e,t=0){if(Co(e))return e;let n=10**t;return Wa(e*n*(1+2**-52))/n}var go=new Map;function _o(e){return((``+e).split(`.`)[1]||``).length}function vo(e,t,n,r){let i=[],a=r.map(_o);for(let o=t;o<n;o++){let t=Ha(o),n=Q(Ja(e,o),t);for(let s=0;s<r.length;s++){let c=e==10?+`${r[s]}e${o}`:r[s]*n,l=(o>=0?0:t)+(o>=a[s]?0:a[s]),u=e==10?c:Q(c,l);i.push(u),go.set(u,l)}}return i}var yo={},bo=[],xo=[null,null],So=Array.isArray,Co=Number.isInteger,wo=e=>e===void 0;function To(e){return typeof e==`string`}function Eo(e){let t=!1;if(e!=null){let n=e.constructor;t=n==null||n==Object}return t}function Do(e){return typeof e==`object`&&!!e}var Oo=Object.getPrototypeOf(Uint8Array),ko=`__proto__`;function Ao(e,t=Eo){let n;if(So(e)){let r=e.find(e=>e!=null);if(So(r)||t(r)){n=Array(e.length);for(let r=0;r<e.length;r++)n[r]=Ao(e[r],t)}else n=e.slice()}else if(e instanceof Oo)n=e.slice();else if(t(e)){n={};for(let r in e)r!=ko&&(n[r]=Ao(e[r],t))}else n=e;return n}function jo(e){let t=arguments;for(let n=1;n<t.length;n++){let r=t[n];for(let t in r)t!=ko&&(Eo(e[t])?jo(e[t],Ao(r[t])):e[t]=Ao(r[t]))}return e}var Mo=0,No=1,Po=2;function Fo(e,t,n){for(let r=0,i,a=-1;r<t.length;r++){let o=t[r];if(o>a){for(i=o-1;i>=0&&e[i]==null;)e[i--]=null;for(i=o+1;i<n&&e[i]==null;)e[a=i++]=null}}}var Io=typeof queueMicrotask>`u`?e=>Promise.resolve().then(e):queueMicrotask;function Lo(e){let t=e[0],n=t.length,r=Array(n);for(let e=0;e<r.length;e++)r[e]=e;r.sort((e,n)=>t[e]-t[n]);let i=[];for(let t=0;t<e.length;t++){let a=e[t],o=Array(n);for(let e=0;e<n;e++)o[e]=a[r[e]];i.push(o)}return i}function Ro(e){let t=e[0][0],n=t.length;for(let r=1;r<e.length;r++){let i=e[r][0];if(i.length!=n)return!1;if(i!=t){for(let e=0;e<n;e++)if(i[e]!=t[e])return!1}}return!0}function zo(e,t=100){let n=e.length;if(n<=1)return!0;let r=0,i=n-1;for(;r<=i&&e[r]==null;)r++;for(;i>=r&&e[i]==null;)i--;if(i<=r)return!0;let a=qa(1,Ua((i-r+1)/t));for(let t=e[r],n=r+a;n<=i;n+=a){let r=e[n];if(r!=null){if(r<=t)return!1;t=r}}return!0}var Bo=[`January`,`February`,`March`,`April`,`May`,`June`,`July`,`August`,`September`,`October`,`November`,`December`],Vo=[`Sunday`,`Monday`,`Tuesday`,`Wednesday`,`Thursday`,`Friday`,`Saturday`];function Ho(e){return e.slice(0,3)}var Uo=Vo.map(Ho),Wo={MMMM:Bo,MMM:Bo.map(Ho),WWWW:Vo,WWW:Uo};function Go(e){return(e<10?`0`:``)+e}function Ko(e){return(e<10?`00`:e<100?`0`:``)+e}var qo={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+``).slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>Go(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>Go(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>Go(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?`PM`:`AM`,aa:e=>e.getHours()>=12?`pm`:`am`,a:e=>e.getHours()>=12?`p`:`a`,mm:e=>Go(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>Go(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>Ko(e.getMilliseconds())};function Jo(e,t){t||=Wo;let n=[],r=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=r.exec(e);)n.push(i[0][0]==`{`?qo[i[1]]:i[0]);return e=>{let r=``;for(let i=0;i<n.length;i++)r+=typeof n[i]==`string`?n[i]:n[i](e,t);return r}}var Yo=new Intl.DateTimeFormat().resolvedOptions().timeZone,Xo=e=>e%1==0,Zo=[1,2,2.5,5],Qo=vo(10,-32,0,Zo),$o=vo(10,0,32,Zo),es=$o.filter(Xo),ts=Qo.concat($o),ns=`
`,rs=`{YYYY}`,is=ns+rs,as=`{M}/{D}`,os=ns+as,ss=os+`/{YY}`,cs=`{aa}`,ls=`{h}:{mm}`+cs,us=ns+ls,ds=`:{ss}`,$=null;function fs(e){let t=e*1e3,n=t*60,r=n*60,i=r*24,a=i*30,o=i*365,s=(e==1?vo(10,0,3,Zo).filter(Xo):vo(10,-3,0,Zo)).concat([t,t*5,t*10,t*15,t*30,n,n*5,n*10,n*15,n*30,r,r*2,r*3,r*4,r*6,r*8,r*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,a,a*2,a*3,a*4,a*6,o,o*2,o*5,o*10,o*25,o*50,o*100]),c=[[o,rs,$,$,$,$,$,$,1],[i*28,`{MMM}`,is,$,$,$,$,$,1],[i,as,is,$,$,$,$,$,1],[r,`{h}`+cs,ss,$,os,$,$,$,1],[n,ls,ss,$,os,$,$,$,1],[t,ds,ss+` `+ls,$,os+` `+ls,$,us,$,1],[e,ds+`.{fff}`,ss+` `+ls,$,os+` `+ls,$,us,$,1]];function l(t){return(s,c,l,u,d,f)=>{let p=[],m=d>=o,h=d>=a&&d<o,g=t(l),_=Q(g*e,3),v=Ss(g.getFullYear(),m?0:g.getMonth(),h||m?1:g.getDate()),y=Q(v*e,3);if(h||m){let n=h?d/a:0,r=m?d/o:0,i=_==y?_:Q(Ss(v.getFullYear()+r,v.getMonth()+n,1)*e,3),s=new Date(Wa(i/e)),c=s.getFullYear(),l=s.getMonth();for(let a=0;i<=u;a++){let o=Ss(c+r*a,l+n*a,1),s=o-t(Q(o*e,3));i=Q((+o+s)*e,3),i<=u&&p.push(i)}}else{let a=d>=i?i:d,o=y+(Ua(l)-Ua(_))+mo(_-y,a);p.push(o);let m=t(o),h=m.getHours()+m.getMinutes()/n+m.getSeconds()/r,g=d/r,v=f/s.axes[c]._space;for(;o=Q(o+d,e==1?0:3),!(o>u);)if(g>1){let e=Ua(Q(h+g,6))%24,n=t(o).getHours()-e;n>1&&(n=-1),o-=n*r,h=(h+g)%24;let i=p[p.length-1];Q((o-i)/d,3)*v>=.7&&p.push(o)}else p.push(o)}return p}}return[s,c,l]}var[ps,ms,hs]=fs(1),[gs,_s,vs]=fs(.001);vo(2,-53,53,[1]);function ys(e,t){return e.map(e=>e.map((n,r)=>r==0||r==8||n==null?n:t(r==1||e[8]==0?n:e[1]+n)))}function bs(e,t){return(n,r,i,a,o)=>{let s=t.find(e=>o>=e[0])||t[t.length-1],c,l,u,d,f,p;return r.map(t=>{let n=e(t),r=n.getFullYear(),i=n.getMonth(),a=n.getDate(),o=n.getHours(),m=n.getMinutes(),h=n.getSeconds(),g=r!=c&&s[2]||i!=l&&s[3]||a!=u&&s[4]||o!=d&&s[5]||m!=f&&s[6]||h!=p&&s[7]||s[1];return c=r,l=i,u=a,d=o,f=m,p=h,g(n)})}}function xs(e,t){let n=Jo(t);return(t,r,i,a,o)=>r.map(t=>n(e(t)))}function Ss(e,t,n){return new Date(e,t,n)}function Cs(e,t){return t(e)}var ws=`{YYYY}-{MM}-{DD} {h}:{mm}{aa}`;function Ts(e,t){return(n,r,i,a)=>a==null?ea:t(e(r))}function Es(e,t){let n=e.series[t];return n.width?n.stroke(e,t):n.points.width?n.points.stroke(e,t):null}function Ds(e,t){return e.series[t].fill(e,t)}var Os={show:!0,live:!0,isolate:!1,mount:io,markers:{show:!0,width:2,stroke:Es,fill:Ds,dash:`solid`},idx:null,idxs:null,values:[]};function ks(e,t){let n=e.cursor.points,r=da(),i=n.size(e,t);la(r,Ii,i),la(r,Li,i);let a=i/-2;la(r,`marginLeft`,a),la(r,`marginTop`,a);let o=n.width(e,t,i);return o&&la(r,`borderWidth`,o),r}function As(e,t){let n=e.series[t].points;return n._fill||n._stroke}function js(e,t){let n=e.series[t].points;return n._stroke||n._fill}function Ms(e,t){return e.series[t].points.size}var Ns=[0,0];function Ps(e,t,n){return Ns[0]=t,Ns[1]=n,Ns}function Fs(e,t,n,r=!0){return e=>{e.button!=0||r&&e.target!=t||n(e)}}function Is(e,t,n,r=!0){return e=>{r&&e.target!=t||n(e)}}var Ls={show:!0,x:!0,y:!0,lock:!1,move:Ps,points:{one:!1,show:ks,size:Ms,width:0,stroke:js,fill:As},bind:{mousedown:Fs,mouseup:Fs,click:Fs,dblclick:Fs,mousemove:Is,mouseleave:Is,mouseenter:Is},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,n,r,i)=>r-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Rs={show:!0,stroke:`rgba(0,0,0,0.07)`,width:2},zs=jo({},Rs,{filter:oo}),Bs=jo({},zs,{size:10}),Vs=jo({},Rs,{show:!1}),Hs=`12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"`,Us=`bold `+Hs,Ws=1.5,Gs={show:!0,scale:`x`,stroke:Hi,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Us,side:2,grid:zs,ticks:Bs,border:Vs,font:Hs,lineGap:Ws,rotate:0},Ks=`Value`,qs=`Time`,Js={show:!0,scale:`x`,auto:!1,sorted:1,min:eo,max:-1/0,idxs:[]};function Ys(e,t,n,r,i){return t.map(e=>e==null?``:za(e))}function Xs(e,t,n,r,i,a,o){let s=[],c=go.get(i)||0;n=o?n:Q(mo(n,i),c);for(let e=n;e<=r;e=Q(e+i,c))s.push(Object.is(e,-0)?0:e);return s}function Zs(e,t,n,r,i,a,o){let s=[],c=e.scales[e.axes[t].scale].log;i=Ja(c,Ua((c==10?Xa:Za)(n))),c==10&&(i=ts[Sa(i,ts)]);let l=n,u=i*c;c==10&&(u=ts[Sa(u,ts)]);do s.push(l),l+=i,c==10&&!go.has(l)&&(l=Q(l,go.get(i))),l>=u&&(i=l,u=i*c,c==10&&(u=ts[Sa(u,ts)]));while(l<=r);return s}function Qs(e,t,n,r,i,a,o){let s=e.scales[e.axes[t].scale].asinh,c=r>s?Zs(e,t,qa(s,n),r,i):[s],l=r>=0&&n<=0?[0]:[];return(n<-s?Zs(e,t,qa(s,-r),-n,i):[s]).reverse().map(e=>-e).concat(l,c)}var $s=/./,ec=/[12357]/,tc=/[125]/,nc=/1/,rc=(e,t,n,r)=>e.map((e,i)=>t==4&&e==0||i%r==0&&n.test(e.toExponential()[+(e<0)])?e:null);function ic(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=e.scales[o],c=e.valToPos,l=a._space,u=c(10,o),d=c(9,o)-u>=l?$s:c(7,o)-u>=l?ec:c(5,o)-u>=l?tc:nc;if(d==nc){let e=Ha(c(1,o)-u);if(e<l)return rc(t.slice().reverse(),s.distr,d,Ga(l/e)).reverse()}return rc(t,s.distr,d,1)}function ac(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=a._space,c=e.valToPos,l=Ha(c(1,o)-c(2,o));return l<s?rc(t.slice().reverse(),3,$s,Ga(s/l)).reverse():t}function oc(e,t,n,r){return r==null?ea:t==null?``:za(t)}var sc={show:!0,scale:`y`,stroke:Hi,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Us,side:3,grid:zs,ticks:Bs,border:Vs,font:Hs,lineGap:Ws,rotate:0};function cc(e,t){return Q((3+(e||1)*2)*t,3)}function lc(e,t){let{scale:n,idxs:r}=e.series[0],i=e._data[0],a=e.valToPos(i[r[0]],n,!0),o=Ha(e.valToPos(i[r[1]],n,!0)-a)/(e.series[t].points.space*Y);return r[1]-r[0]<=o}var uc={scale:null,auto:!0,sorted:0,min:eo,max:-1/0},dc=(e,t,n,r,i)=>i,fc={show:!0,auto:!0,sorted:0,gaps:dc,alpha:1,facets:[jo({},uc,{scale:`x`}),jo({},uc,{scale:`y`})]},pc={scale:`y`,auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:dc,alpha:1,points:{show:lc,filter:null},values:null,min:eo,max:-1/0,idxs:[],path:null,clip:null};function mc(e,t,n,r,i){return n/10}var hc={time:hi,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},gc=jo({},hc,{time:!1,ori:1}),_c={};function vc(e,t){let n=_c[e];return n||(n={key:e,plots:[],sub(e){n.plots.push(e)},unsub(e){n.plots=n.plots.filter(t=>t!=e)},pub(e,t,r,i,a,o,s){for(let c=0;c<n.plots.length;c++)n.plots[c]!=t&&n.plots[c].pub(e,t,r,i,a,o,s)}},e!=null&&(_c[e]=n)),n}var yc=1,bc=2;function xc(e,t,n){let r=e.mode,i=e.series[t],a=r==2?e._data[t]:e._data,o=e.scales,s=e.bbox,c=a[0],l=r==2?a[1]:a[t],u=r==2?o[i.facets[0].scale]:o[e.series[0].scale],d=r==2?o[i.facets[1].scale]:o[i.scale],f=s.left,p=s.top,m=s.width,h=s.height,g=e.valToPosH,_=e.valToPosV;return u.ori==0?n(i,c,l,u,d,g,_,f,p,m,h,Ac,Mc,Pc,Ic,Rc):n(i,c,l,u,d,_,g,p,f,h,m,jc,Nc,Fc,Lc,zc)}function Sc(e,t){let n=0,r=0,i=X(e.bands,bo);for(let e=0;e<i.length;e++){let a=i[e];a.series[0]==t?n=a.dir:a.series[1]==t&&(a.dir==1?r|=1:r|=2)}return[n,r==1?-1:r==2?1:r==3?2:0]}function Cc(e,t,n,r,i){let a=e.mode,o=e.series[t],s=a==2?o.facets[1].scale:o.scale,c=e.scales[s];return i==-1?c.min:i==1?c.max:c.distr==3?c.dir==1?c.min:c.max:0}function wc(e,t,n,r,i,a){return xc(e,t,(e,t,o,s,c,l,u,d,f,p,m)=>{let h=e.pxRound,g=s.dir*(s.ori==0?1:-1),_=s.ori==0?Mc:Nc,v,y;g==1?(v=n,y=r):(v=r,y=n);let b=h(l(t[v],s,p,d)),x=h(u(o[v],c,m,f)),S=h(l(t[y],s,p,d)),C=h(u(a==1?c.max:c.min,c,m,f)),w=new Path2D(i);return _(w,S,C),_(w,b,C),_(w,b,x),w})}function Tc(e,t,n,r,i,a){let o=null;if(e.length>0){o=new Path2D;let s=t==0?Pc:Fc,c=n;for(let t=0;t<e.length;t++){let n=e[t];if(n[1]>n[0]){let e=n[0]-c;e>0&&s(o,c,r,e,r+a),c=n[1]}}let l=n+i-c;l>0&&s(o,c,r-5,l,r+a+10)}return o}function Ec(e,t,n){let r=e[e.length-1];r&&r[0]==t?r[1]=n:e.push([t,n])}function Dc(e,t,n,r,i,a,o){let s=[],c=e.length;for(let l=i==1?n:r;l>=n&&l<=r;l+=i)if(t[l]===null){let u=l,d=l;if(i==1)for(;++l<=r&&t[l]===null;)d=l;else for(;--l>=n&&t[l]===null;)d=l;let f=a(e[u]),p=d==u?f:a(e[d]),m=u-i;f=o<=0&&m>=0&&m<c?a(e[m]):f;let h=d+i;p=o>=0&&h>=0&&h<c?a(e[h]):p,p>=f&&s.push([f,p])}return s}function Oc(e){return e==0?ao:e==1?Wa:t=>po(t,e)}function kc(e){let t=e==0?Ac:jc,n=e==0?(e,t,n,r,i,a)=>{e.arcTo(t,n,r,i,a)}:(e,t,n,r,i,a)=>{e.arcTo(n,t,i,r,a)},r=e==0?(e,t,n,r,i)=>{e.rect(t,n,r,i)}:(e,t,n,r,i)=>{e.rect(n,t,i,r)};return(e,i,a,o,s,c=0,l=0)=>{c==0&&l==0?r(e,i,a,o,s):(c=Ka(c,o/2,s/2),l=Ka(l,o/2,s/2),t(e,i+c,a),n(e,i+o,a,i+o,a+s,c),n(e,i+o,a+s,i,a+s,l),n(e,i,a+s,i,a,l),n(e,i,a,i+o,a,c),e.closePath())}}var Ac=(e,t,n)=>{e.moveTo(t,n)},jc=(e,t,n)=>{e.moveTo(n,t)},Mc=(e,t,n)=>{e.lineTo(t,n)},Nc=(e,t,n)=>{e.lineTo(n,t)},Pc=kc(0),Fc=kc(1),Ic=(e,t,n,r,i,a)=>{e.arc(t,n,r,i,a)},Lc=(e,t,n,r,i,a)=>{e.arc(n,t,r,i,a)},Rc=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(t,n,r,i,a,o)},zc=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(n,t,i,r,o,a)};function Bc(e){return(e,t,n,r,i)=>xc(e,t,(t,a,o,s,c,l,u,d,f,p,m)=>{let{pxRound:h,points:g}=t,_,v;s.ori==0?(_=Ac,v=Ic):(_=jc,v=Lc);let y=Q(g.width*Y,3),b=(g.size-g.width)/2*Y,x=Q(b*2,3),S=new Path2D,C=new Path2D,{left:w,top:T,width:E,height:D}=e.bbox;Pc(C,w-x,T-x,E+x*2,D+x*2);let O=e=>{if(o[e]!=null){let t=h(l(a[e],s,p,d)),n=h(u(o[e],c,m,f));_(S,t+b,n),v(S,t,n,b,0,Va*2)}};if(i)i.forEach(O);else for(let e=n;e<=r;e++)O(e);return{stroke:y>0?S:null,fill:S,clip:C,flags:3}})}function Vc(e){return(t,n,r,i,a,o)=>{r!=i&&(a!=r&&o!=r&&e(t,n,r),a!=i&&o!=i&&e(t,n,i),e(t,n,o))}}var Hc=Vc(Mc),Uc=Vc(Nc);function Wc(e){let t=X(e?.alignGaps,0);return(e,n,r,i)=>xc(e,n,(a,o,s,c,l,u,d,f,p,m,h)=>{[r,i]=Ea(s,r,i);let g=a.pxRound,_=e=>g(u(e,c,m,f)),v=e=>g(d(e,l,h,p)),y,b;c.ori==0?(y=Mc,b=Hc):(y=Nc,b=Uc);let x=c.dir*(c.ori==0?1:-1),S={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:yc},C=S.stroke,w=!1;if(i-r>=m*4){let t=t=>e.posToVal(t,c.key,!0),n=null,a=null,l,u,d,f=_(o[x==1?r:i]),p=_(o[r]),m=_(o[i]),h=t(x==1?p+1:m-1);for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let r=o[e],i=(x==1?r<h:r>h)?f:_(r),c=s[e];i==f?c==null?c===null&&(w=!0):(u=c,n==null?(y(C,i,v(u)),l=n=a=u):u<n?n=u:u>a&&(a=u)):(n!=null&&b(C,f,v(n),v(a),v(l),v(u)),c==null?(n=a=null,c===null&&(w=!0)):(u=c,y(C,i,v(u)),n=a=l=u),f=i,h=t(f+x))}n!=null&&n!=a&&d!=f&&b(C,f,v(n),v(a),v(l),v(u))}else for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let t=s[e];t===null?w=!0:t!=null&&y(C,_(o[e]),v(t))}let[T,E]=Sc(e,n);if(a.fill!=null||T!=0){let t=S.fill=new Path2D(C),s=v(a.fillTo(e,n,a.min,a.max,T)),c=_(o[r]),l=_(o[i]);x==-1&&([l,c]=[c,l]),y(t,l,s),y(t,c,s)}if(!a.spanGaps){let l=[];w&&l.push(...Dc(o,s,r,i,x,_,t)),S.gaps=l=a.gaps(e,n,r,i,l),S.clip=Tc(l,c.ori,f,p,m,h)}return E!=0&&(S.band=E==2?[wc(e,n,r,i,C,-1),wc(e,n,r,i,C,1)]:wc(e,n,r,i,C,E)),S})}function Gc(e){let t=X(e.align,1),n=X(e.ascDesc,!1),r=X(e.alignGaps,0),i=X(e.extend,!1);return(e,a,o,s)=>xc(e,a,(c,l,u,d,f,p,m,h,g,_,v)=>{[o,s]=Ea(u,o,s);let y=c.pxRound,{left:b,width:x}=e.bbox,S=e=>y(p(e,d,_,h)),C=e=>y(m(e,f,v,g)),w=d.ori==0?Mc:Nc,T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:yc},E=T.stroke,D=d.dir*(d.ori==0?1:-1),O=C(u[D==1?o:s]),k=S(l[D==1?o:s]),A=k,j=k;i&&t==-1&&(j=b,w(E,j,O)),w(E,k,O);for(let e=D==1?o:s;e>=o&&e<=s;e+=D){let n=u[e];if(n==null)continue;let r=S(l[e]),i=C(n);t==1?w(E,r,O):w(E,A,i),w(E,r,i),O=i,A=r}let ee=A;i&&t==1&&(ee=b+x,w(E,ee,O));let[te,ne]=Sc(e,a);if(c.fill!=null||te!=0){let t=T.fill=new Path2D(E),n=C(c.fillTo(e,a,c.min,c.max,te));w(t,ee,n),w(t,j,n)}if(!c.spanGaps){let i=[];i.push(...Dc(l,u,o,s,D,S,r));let f=c.width*Y/2,p=n||t==1?f:-f,m=n||t==-1?-f:f;i.forEach(e=>{e[0]+=p,e[1]+=m}),T.gaps=i=c.gaps(e,a,o,s,i),T.clip=Tc(i,d.ori,h,g,_,v)}return ne!=0&&(T.band=ne==2?[wc(e,a,o,s,E,-1),wc(e,a,o,s,E,1)]:wc(e,a,o,s,E,ne)),T})}function Kc(e,t,n,r,i,a,o=eo){if(e.length>1){let s=null;for(let c=0,l=1/0;c<e.length;c++)if(t[c]!==void 0){if(s!=null){let t=Ha(e[c]-e[s]);t<l&&(l=t,o=Ha(n(e[c],r,i,a)-n(e[s],r,i,a)))}s=c}}return o}function qc(e){e||=yo;let t=X(e.size,[.6,eo,1]),n=e.align||0,r=e.gap||0,i=e.radius;i=i==null?[0,0]:typeof i==`number`?[i,0]:i;let a=Z(i),o=1-t[0],s=X(t[1],eo),c=X(t[2],1),l=X(e.disp,yo),u=X(e.each,e=>{}),{fill:d,stroke:f}=l;return(e,t,i,p)=>xc(e,t,(m,h,g,_,v,y,b,x,S,C,w)=>{let T=m.pxRound,E=n,D=r*Y,O=s*Y,k=c*Y,A,j;_.ori==0?[A,j]=a(e,t):[j,A]=a(e,t);let ee=_.dir*(_.ori==0?1:-1),te=_.ori==0?Pc:Fc,ne=_.ori==0?u:(e,t,n,r,i,a,o)=>{u(e,t,n,i,r,o,a)},re=X(e.bands,bo).find(e=>e.series[0]==t),ie=re==null?0:re.dir,ae=m.fillTo(e,t,m.min,m.max,ie),M=T(b(ae,v,w,S)),N,oe,P,F=C,I=T(m.width*Y),se=!1,ce=null,le=null,ue=null,de=null;d!=null&&(I==0||f!=null)&&(se=!0,ce=d.values(e,t,i,p),le=new Map,new Set(ce).forEach(e=>{e!=null&&le.set(e,new Path2D)}),I>0&&(ue=f.values(e,t,i,p),de=new Map,new Set(ue).forEach(e=>{e!=null&&de.set(e,new Path2D)})));let{x0:fe,size:L}=l;if(fe!=null&&L!=null){E=1,h=fe.values(e,t,i,p),fe.unit==2&&(h=h.map(t=>e.posToVal(x+t*C,_.key,!0)));let n=L.values(e,t,i,p);oe=L.unit==2?n[0]*C:y(n[0],_,C,x)-y(0,_,C,x),F=Kc(h,g,y,_,C,x,F),P=F-oe+D}else F=Kc(h,g,y,_,C,x,F),P=F*o+D,oe=F-P;P<1&&(P=0),I>=oe/2&&(I=0),P<5&&(T=ao);let pe=P>0,me=F-P-(pe?I:0);oe=T(no(me,k,O)),N=(E==0?oe/2:E==ee?0:oe)-E*ee*((E==0?D/2:0)+(pe?I/2:0));let he={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},ge=se?null:new Path2D,_e=null;if(re!=null)_e=e.data[re.series[1]];else{let{y0:n,y1:r}=l;n!=null&&r!=null&&(g=r.values(e,t,i,p),_e=n.values(e,t,i,p))}let ve=A*oe,ye=j*oe;for(let n=ee==1?i:p;n>=i&&n<=p;n+=ee){let r=g[n];if(r==null)continue;if(_e!=null){let e=_e[n]??0;if(r-e==0)continue;M=b(e,v,w,S)}let i=y(_.distr!=2||l!=null?h[n]:n,_,C,x),a=b(X(r,ae),v,w,S),o=T(i-N),s=T(qa(a,M)),c=T(Ka(a,M)),u=s-c;if(r!=null){let i=r<0?ye:ve,a=r<0?ve:ye;se?(I>0&&ue[n]!=null&&te(de.get(ue[n]),o,c+Ua(I/2),oe,qa(0,u-I),i,a),ce[n]!=null&&te(le.get(ce[n]),o,c+Ua(I/2),oe,qa(0,u-I),i,a)):te(ge,o,c+Ua(I/2),oe,qa(0,u-I),i,a),ne(e,t,n,o-I/2,c,oe+I,u)}}return I>0?he.stroke=se?de:ge:se||(he._fill=m.width==0?m._fill:m._stroke??m._fill,he.width=0),he.fill=se?le:ge,he})}function Jc(e,t){let n=X(t?.alignGaps,0);return(t,r,i,a)=>xc(t,r,(o,s,c,l,u,d,f,p,m,h,g)=>{[i,a]=Ea(c,i,a);let _=o.pxRound,v=e=>_(d(e,l,h,p)),y=e=>_(f(e,u,g,m)),b,x,S;l.ori==0?(b=Ac,S=Mc,x=Rc):(b=jc,S=Nc,x=zc);let C=l.dir*(l.ori==0?1:-1),w=v(s[C==1?i:a]),T=w,E=[],D=[];for(let e=C==1?i:a;e>=i&&e<=a;e+=C)if(c[e]!=null){let t=v(s[e]);E.push(T=t),D.push(y(c[e]))}let O={stroke:e(E,D,b,S,x,_),fill:null,clip:null,band:null,gaps:null,flags:yc},k=O.stroke,[A,j]=Sc(t,r);if(o.fill!=null||A!=0){let e=O.fill=new Path2D(k),n=y(o.fillTo(t,r,o.min,o.max,A));S(e,T,n),S(e,w,n)}if(!o.spanGaps){let e=[];e.push(...Dc(s,c,i,a,C,v,n)),O.gaps=e=o.gaps(t,r,i,a,e),O.clip=Tc(e,l.ori,p,m,h,g)}return j!=0&&(O.band=j==2?[wc(t,r,i,a,k,-1),wc(t,r,i,a,k,1)]:wc(t,r,i,a,k,j)),O})}function Yc(e){return Jc(Xc,e)}function Xc(e,t,n,r,i,a){let o=e.length;if(o<2)return null;let s=new Path2D;if(n(s,e[0],t[0]),o==2)r(s,e[1],t[1]);else{let n=Array(o),r=Array(o-1),a=Array(o-1),c=Array(o-1);for(let n=0;n<o-1;n++)a[n]=t[n+1]-t[n],c[n]=e[n+1]-e[n],r[n]=a[n]/c[n];n[0]=r[0];for(let e=1;e<o-1;e++)r[e]===0||r[e-1]===0||r[e-1]>0!=r[e]>0?n[e]=0:(n[e]=3*(c[e-1]+c[e])/((2*c[e]+c[e-1])/r[e-1]+(c[e]+2*c[e-1])/r[e]),isFinite(n[e])||(n[e]=0));n[o-1]=r[o-2];for(let r=0;r<o-1;r++)i(s,e[r]+c[r]/3,t[r]+n[r]*c[r]/3,e[r+1]-c[r]/3,t[r+1]-n[r+1]*c[r]/3,e[r+1],t[r+1])}return s}var Zc=new Set;function Qc(){for(let e of Zc)e.syncRect(!0)}ta&&(ba(Xi,ra,Qc),ba(Zi,ra,Qc,!0),ba($i,ra,()=>{ml.pxRatio=Y}));var $c=Wc(),el=Bc();function tl(e,t,n,r){return(r?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((e,r)=>rl(e,r,t,n))}function nl(e,t){return e.map((e,n)=>n==0?{}:jo({},t,e))}function rl(e,t,n,r){return jo({},t==0?n:r,e)}function il(e,t,n){return t==null?xo:[t,n]}var al=il;function ol(e,t,n){return t==null?xo:Fa(t,n,ja,!0)}function sl(e,t,n,r){return t==null?xo:ka(t,n,e.scales[r].log,!1)}var cl=sl;function ll(e,t,n,r){return t==null?xo:Aa(t,n,e.scales[r].log,!1)}var ul=ll;function dl(e,t,n,r,i){let a=qa(to(e),to(t)),o=t-e,s=Sa(i/r*o,n);do{let e=n[s],t=r*e/o;if(t>=i&&a+(e<5?go.get(e):0)<=17)return[e,t]}while(++s<n.length);return[0,0]}function fl(e){let t,n;return e=e.replace(/(\d+)px/,(e,r)=>(t=Wa((n=+r)*Y))+`px`),[e,t,n]}function pl(e){e.show&&[e.font,e.labelFont].forEach(e=>{let t=Q(e[2]*Y,1);e[0]=e[0].replace(/[0-9.]+px/,t+`px`),e[1]=t})}function ml(e,t,n){let r={mode:X(e.mode,1)},i=r.mode;function a(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?1-i:i)}function o(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?i:1-i)}function s(e,t,n,r){return t.ori==0?a(e,t,n,r):o(e,t,n,r)}r.valToPosH=a,r.valToPosV=o;let c=!1;r.status=0;let l=r.root=da(gi);if(e.id!=null&&(l.id=e.id),sa(l,e.class),e.title){let t=da(yi,l);t.textContent=e.title}let u=ua(`canvas`),d=r.ctx=u.getContext(`2d`),f=da(bi,l);ba(`click`,f,e=>{e.target===m&&(W!=Xt||en!=Zt)&&nn.click(r,e)},!0);let p=r.under=da(xi,f);f.appendChild(u);let m=r.over=da(Si,f);e=Ao(e);let h=+X(e.pxAlign,1),g=Oc(h);(e.plugins||[]).forEach(t=>{t.opts&&(e=t.opts(r,e)||e)});let _=e.ms||.001,v=r.series=i==1?tl(e.series||[],Js,pc,!1):nl(e.series||[null],fc),y=r.axes=tl(e.axes||[],Gs,sc,!0),b=r.scales={},x=r.bands=e.bands||[];x.forEach(e=>{e.fill=Z(e.fill||null),e.dir=X(e.dir,-1)});let S=i==2?v[1].facets[0].scale:v[0].scale,C={axes:Ft,series:wt},w=(e.drawOrder||[`axes`,`series`]).map(e=>C[e]);function T(e){let t=e.distr==3?t=>Xa(t>0?t:e.clamp(r,t,e.min,e.max,e.key)):e.distr==4?t=>$a(t,e.asinh):e.distr==100?t=>e.fwd(t):e=>e;return n=>{let r=t(n),{_min:i,_max:a}=e,o=a-i;return(r-i)/o}}function E(t){let n=b[t];if(n==null){let r=(e.scales||yo)[t]||yo;if(r.from!=null){E(r.from);let e=jo({},b[r.from],r,{key:t});e.valToPct=T(e),b[t]=e}else{n=b[t]=jo({},t==S?hc:gc,r),n.key=t;let e=n.time,a=n.range,o=So(a);if((t!=S||i==2&&!e)&&(o&&(a[0]==null||a[1]==null)&&(a={min:a[0]==null?Ma:{mode:1,hard:a[0],soft:a[0]},max:a[1]==null?Ma:{mode:1,hard:a[1],soft:a[1]}},o=!1),!o&&Eo(a))){let e=a;a=(t,n,r)=>n==null?xo:Fa(n,r,e)}n.range=Z(a||(e?al:t==S?n.distr==3?cl:n.distr==4?ul:il:n.distr==3?sl:n.distr==4?ll:ol)),n.auto=Z(!o&&n.auto),n.clamp=Z(n.clamp||mc),n._min=n._max=null,n.valToPct=T(n)}}}E(`x`),E(`y`),i==1&&v.forEach(e=>{E(e.scale)}),y.forEach(e=>{E(e.scale)});for(let t in e.scales)E(t);let D=b[S],O=D.distr,k,A;D.ori==0?(sa(l,_i),k=a,A=o):(sa(l,vi),k=o,A=a);let j={};for(let e in b){let t=b[e];(t.min!=null||t.max!=null)&&(j[e]={min:t.min,max:t.max},t.min=t.max=null)}let ee=e.tzDate||(e=>new Date(Wa(e/_))),te=e.fmtDate||Jo,ne=_==1?hs(ee):vs(ee),re=bs(ee,ys(_==1?ms:_s,te)),ie=Ts(ee,Cs(ws,te)),ae=[],M=r.legend=jo({},Os,e.legend),N=r.cursor=jo({},Ls,{drag:{y:i==2}},e.cursor),oe=M.show,P=N.show,F=M.markers;M.idxs=ae,F.width=Z(F.width),F.dash=Z(F.dash),F.stroke=Z(F.stroke),F.fill=Z(F.fill);let I,se,ce,le=[],ue=[],de,fe=!1,L={};if(M.live){let e=v[1]?v[1].values:null;fe=e!=null,de=fe?e(r,1,0):{_:0};for(let e in de)L[e]=ea}if(oe){if(I=ua(`table`,ki,l),ce=ua(`tbody`,null,I),M.mount(r,I),fe){se=ua(`thead`,null,I,ce);let e=ua(`tr`,null,se);for(var pe in ua(`th`,null,e),de)ua(`th`,Pi,e).textContent=pe}else sa(I,ji),M.live&&sa(I,Ai)}let me={show:!0},he={show:!1};function ge(e,t){if(t==0&&(fe||!M.live||i==2))return xo;let n=[],a=ua(`tr`,Mi,ce,ce.childNodes[t]);sa(a,e.class),e.show||sa(a,wi);let o=ua(`th`,null,a);if(F.show){let e=da(Ni,o);if(t>0){let n=F.width(r,t);n&&(e.style.border=n+`px `+F.dash(r,t)+` `+F.stroke(r,t)),e.style.background=F.fill(r,t)}}let s=da(Pi,o);for(var c in e.label instanceof HTMLElement?s.appendChild(e.label):s.textContent=e.label,t>0&&(F.show||(s.style.color=e.width>0?F.stroke(r,t):F.fill(r,t)),ve(`click`,o,t=>{if(N._lock)return;Ve(t);let n=v.indexOf(e);if((t.ctrlKey||t.metaKey)!=M.isolate){let e=v.some((e,t)=>t>0&&t!=n&&e.show);v.forEach((t,r)=>{r>0&&dn(r,e?r==n?me:he:me,!0,J.setSeries)})}else dn(n,{show:!e.show},!0,J.setSeries)},!1),Ue&&ve(qi,o,t=>{N._lock||(Ve(t),dn(v.indexOf(e),gn,!0,J.setSeries))},!1)),de){let e=ua(`td`,Fi,a);e.textContent=`--`,n.push(e)}return[a,n]}let _e=new Map;function ve(e,t,n,i=!0){let a=_e.get(t)||{},o=N.bind[e](r,t,n,i);o&&(ba(e,t,a[e]=o),_e.set(t,a))}function ye(e,t,n){let r=_e.get(t)||{};for(let n in r)(e==null||n==e)&&(xa(n,t,r[n]),delete r[n]);e??_e.delete(t)}let R=0,be=0,z=0,B=0,xe=0,Se=0,Ce=xe,we=Se,Te=z,Ee=B,De=0,Oe=0,ke=0,Ae=0;r.bbox={};let je=!1,Me=!1,Ne=!1,Pe=!1,Fe=!1,Ie=!1;function Le(e,t,n){(n||e!=r.width||t!=r.height)&&V(e,t),It(!1),Ne=!0,Me=!0,Vt()}function V(e,t){r.width=R=z=e,r.height=be=B=t,xe=Se=0,ze(),Be();let n=r.bbox;De=n.left=po(xe*Y,.5),Oe=n.top=po(Se*Y,.5),ke=n.width=po(z*Y,.5),Ae=n.height=po(B*Y,.5)}function Re(){let e=!1,t=0;for(;!e;){t++;let n=Nt(t),i=Pt(t);e=t==3||n&&i,e||(V(r.width,r.height),Me=!0)}}r.setSize=function({width:e,height:t}){Le(e,t)};function ze(){let e=!1,t=!1,n=!1,r=!1;y.forEach((i,a)=>{if(i.show&&i._show){let{side:a,_size:o}=i,s=a%2,c=o+(i.label==null?0:i.labelSize);c>0&&(s?(z-=c,a==3?(xe+=c,r=!0):n=!0):(B-=c,a==0?(Se+=c,e=!0):t=!0))}}),Ye[0]=e,Ye[1]=n,Ye[2]=t,Ye[3]=r,z-=$e[1]+$e[3],xe+=$e[3],B-=$e[2]+$e[0],Se+=$e[0]}function Be(){let e=xe+z,t=Se+B,n=xe,r=Se;function i(i,a){switch(i){case 1:return e+=a,e-a;case 2:return t+=a,t-a;case 3:return n-=a,n+a;case 0:return r-=a,r+a}}y.forEach((e,t)=>{if(e.show&&e._show){let t=e.side;e._pos=i(t,e._size),e.label!=null&&(e._lpos=i(t,e.labelSize))}})}if(N.dataIdx==null){let e=N.hover,n=e.skip=new Set(e.skip??[]);n.add(void 0);let r=e.prox=Z(e.prox),i=e.bias??=0;N.dataIdx=(e,a,o,s)=>{if(a==0)return o;let c=o,l=r(e,a,o,s)??eo,u=l>=0&&l<eo,d=D.ori==0?z:B,f=N.left,p=t[0],m=t[a];if(n.has(m[o])){c=null;let e=null,t=null,r;if(i==0||i==-1)for(r=o;e==null&&r-->0;)n.has(m[r])||(e=r);if(i==0||i==1)for(r=o;t==null&&r++<m.length;)n.has(m[r])||(t=r);if(e!=null||t!=null){if(u){let n=e==null?-1/0:k(p[e],D,d,0),r=t==null?1/0:k(p[t],D,d,0),i=f-n,a=r-f;i<=a?i<=l&&(c=e):a<=l&&(c=t)}else c=t==null?e:e==null?t:o-e<=t-o?e:t}}else u&&Ha(f-k(p[o],D,d,0))>l&&(c=null);return c}}let Ve=e=>{N.event=e};N.idxs=ae,N._lock=!1;let H=N.points;H.show=Z(H.show),H.size=Z(H.size),H.stroke=Z(H.stroke),H.width=Z(H.width),H.fill=Z(H.fill);let He=r.focus=jo({},e.focus||{alpha:.3},N.focus),Ue=He.prox>=0,We=Ue&&H.one,Ge=[],Ke=[],qe=[];function Je(e,t){let n=H.show(r,t);if(n instanceof HTMLElement)return sa(n,Oi),sa(n,e.class),pa(n,-10,-10,z,B),m.insertBefore(n,Ge[t]),n}function U(e,t){if(i==1||t>0){let t=i==1&&b[e.scale].time,n=e.value;e.value=t?To(n)?Ts(ee,Cs(n,te)):n||ie:n||oc,e.label=e.label||(t?qs:Ks)}if(We||t>0){e.width=e.width==null?1:e.width,e.paths=e.paths||$c||so,e.fillTo=Z(e.fillTo||Cc),e.pxAlign=+X(e.pxAlign,h),e.pxRound=Oc(e.pxAlign),e.stroke=Z(e.stroke||null),e.fill=Z(e.fill||null),e._stroke=e._fill=e._paths=e._focus=null;let t=cc(qa(1,e.width),1),n=e.points=jo({},{size:t,width:qa(1,t*.2),stroke:e.stroke,space:t*2,paths:el,_stroke:null,_fill:null},e.points);n.show=Z(n.show),n.filter=Z(n.filter),n.fill=Z(n.fill),n.stroke=Z(n.stroke),n.paths=Z(n.paths),n.pxAlign=e.pxAlign}if(oe){let n=ge(e,t);le.splice(t,0,n[0]),ue.splice(t,0,n[1]),M.values.push(null)}if(P){ae.splice(t,0,null);let n=null;We?t==0&&(n=Je(e,t)):t>0&&(n=Je(e,t)),Ge.splice(t,0,n),Ke.splice(t,0,0),qe.splice(t,0,0)}q(`addSeries`,t)}r.addSeries=function(e,t){t??=v.length,e=i==1?rl(e,t,Js,pc):rl(e,t,{},fc),v.splice(t,0,e),U(v[t],t)},r.delSeries=function(e){if(v.splice(e,1),oe){M.values.splice(e,1),ue.splice(e,1);let t=le.splice(e,1)[0];ye(null,t.firstChild),t.remove()}P&&(ae.splice(e,1),Ge.splice(e,1)[0].remove(),Ke.splice(e,1),qe.splice(e,1)),q(`delSeries`,e)};let Ye=[!1,!1,!1,!1];function Xe(e,t){if(e._show=e.show,e.show){let n=e.side%2,i=b[e.scale];i??=(e.scale=n?v[1].scale:S,b[e.scale]);let a=i.time;e.size=Z(e.size),e.space=Z(e.space),e.rotate=Z(e.rotate),So(e.incrs)&&e.incrs.forEach(e=>{!go.has(e)&&go.set(e,_o(e))}),e.incrs=Z(e.incrs||(i.distr==2?es:a?_==1?ps:gs:ts)),e.splits=Z(e.splits||(a&&i.distr==1?ne:i.distr==3?Zs:i.distr==4?Qs:Xs)),e.stroke=Z(e.stroke),e.grid.stroke=Z(e.grid.stroke),e.ticks.stroke=Z(e.ticks.stroke),e.border.stroke=Z(e.border.stroke);let o=e.values;e.values=So(o)&&!So(o[0])?Z(o):a?So(o)?bs(ee,ys(o,te)):To(o)?xs(ee,o):o||re:o||Ys,e.filter=Z(e.filter||(i.distr>=3&&i.log==10?ic:i.distr==3&&i.log==2?ac:oo)),e.font=fl(e.font),e.labelFont=fl(e.labelFont),e._size=e.size(r,null,t,0),e._space=e._rotate=e._incrs=e._found=e._splits=e._values=null,e._size>0&&(Ye[t]=!0,e._el=da(Ci,f))}}function Ze(e,t,n,r){let[i,a,o,s]=n,c=t%2,l=0;return c==0&&(s||a)&&(l=t==0&&!i||t==2&&!o?Wa(Gs.size/3):0),c==1&&(i||o)&&(l=t==1&&!a||t==3&&!s?Wa(sc.size/2):0),l}let Qe=r.padding=(e.padding||[Ze,Ze,Ze,Ze]).map(e=>Z(X(e,Ze))),$e=r._padding=Qe.map((e,t)=>e(r,t,Ye,0)),et,tt=null,nt=null,rt=i==1?v[0].idxs:null,it=null,at=!1;function ot(e,n){if(t=e??[],r.data=r._data=t,i==2){et=0;for(let e=1;e<v.length;e++)et+=t[e][0].length}else{t.length==0&&(r.data=r._data=t=[[]]),it=t[0],et=it.length;let e=t;if(O==2){e=t.slice();let n=e[0]=Array(et);for(let e=0;e<et;e++)n[e]=e}r._data=t=e}if(It(!0),q(`setData`),O==2&&(Ne=!0),n!==!1){let e=D;e.auto(r,at)?st():un(S,e.min,e.max),Pe||=N.left>=0,Ie=!0,Vt()}}r.setData=ot;function st(){at=!0;let e,n;i==1&&(et>0?(tt=rt[0]=0,nt=rt[1]=et-1,e=t[0][tt],n=t[0][nt],O==2?(e=tt,n=nt):e==n&&(O==3?[e,n]=ka(e,e,D.log,!1):O==4?[e,n]=Aa(e,e,D.log,!1):D.time?n=e+Wa(86400/_):[e,n]=Fa(e,n,ja,!0))):(tt=rt[0]=e=null,nt=rt[1]=n=null)),un(S,e,n)}let ct,lt,ut,dt,ft,pt,mt,ht,gt,_t;function vt(e,t,n,r,i,a){e??=Ui,n??=bo,r??=`butt`,i??=Ui,a??=`round`,e!=ct&&(d.strokeStyle=ct=e),i!=lt&&(d.fillStyle=lt=i),t!=ut&&(d.lineWidth=ut=t),a!=ft&&(d.lineJoin=ft=a),r!=pt&&(d.lineCap=pt=r),n!=dt&&d.setLineDash(dt=n)}function yt(e,t,n,r){t!=lt&&(d.fillStyle=lt=t),e!=mt&&(d.font=mt=e),n!=ht&&(d.textAlign=ht=n),r!=gt&&(d.textBaseline=gt=r)}function bt(e,t,n,i,a=0){if(i.length>0&&e.auto(r,at)&&(t==null||t.min==null)){let t=X(tt,0),r=X(nt,i.length-1),o=n.min==null?Oa(i,t,r,a,e.distr==3):[n.min,n.max];e.min=Ka(e.min,n.min=o[0]),e.max=qa(e.max,n.max=o[1])}}let xt={min:null,max:null};function St(){for(let e in b){let t=b[e];j[e]==null&&(t.min==null||j[S]!=null&&t.auto(r,at))&&(j[e]=xt)}for(let e in b){let t=b[e];j[e]==null&&t.from!=null&&j[t.from]!=null&&(j[e]=xt)}j[S]!=null&&It(!0);let e={};for(let t in j){let n=j[t];if(n!=null){let a=e[t]=Ao(b[t],Do);if(n.min!=null)jo(a,n);else if(t!=S||i==2){if(et==0&&a.from==null){let e=a.range(r,null,null,t);a.min=e[0],a.max=e[1]}else a.min=eo,a.max=-1/0}}}if(et>0){v.forEach((n,a)=>{if(i==1){let i=n.scale,o=j[i];if(o==null)return;let s=e[i];if(a==0){let e=s.range(r,s.min,s.max,i);s.min=e[0],s.max=e[1],tt=Sa(s.min,t[0]),nt=Sa(s.max,t[0]),nt-tt>1&&(t[0][tt]<s.min&&tt++,t[0][nt]>s.max&&nt--),n.min=it[tt],n.max=it[nt]}else n.show&&n.auto&&bt(s,o,n,t[a],n.sorted);n.idxs[0]=tt,n.idxs[1]=nt}else if(a>0&&n.show&&n.auto){let[r,i]=n.facets,o=r.scale,s=i.scale,[c,l]=t[a],u=e[o],d=e[s];u!=null&&bt(u,j[o],r,c,r.sorted),d!=null&&bt(d,j[s],i,l,i.sorted),n.min=i.min,n.max=i.max}});for(let t in e){let n=e[t],i=j[t];if(n.from==null&&(i==null||i.min==null)){let e=n.range(r,n.min==eo?null:n.min,n.max==-1/0?null:n.max,t);n.min=e[0],n.max=e[1]}}}for(let t in e){let n=e[t];if(n.from!=null){let i=e[n.from];if(i.min==null)n.min=n.max=null;else{let e=n.range(r,i.min,i.max,t);n.min=e[0],n.max=e[1]}}}let n={},a=!1;for(let t in e){let r=e[t],i=b[t];if(i.min!=r.min||i.max!=r.max){i.min=r.min,i.max=r.max;let e=i.distr;i._min=e==3?Xa(i.min):e==4?$a(i.min,i.asinh):e==100?i.fwd(i.min):i.min,i._max=e==3?Xa(i.max):e==4?$a(i.max,i.asinh):e==100?i.fwd(i.max):i.max,n[t]=a=!0}}if(a){v.forEach((e,t)=>{i==2?t>0&&n.y&&(e._paths=null):n[e.scale]&&(e._paths=null)});for(let e in n)Ne=!0,q(`setScale`,e);P&&N.left>=0&&(Pe=Ie=!0)}for(let e in j)j[e]=null}function Ct(e){let t=no(tt-1,0,et-1),n=no(nt+1,0,et-1);for(;e[t]==null&&t>0;)t--;for(;e[n]==null&&n<et-1;)n++;return[t,n]}function wt(){if(et>0){let e=v.some(e=>e._focus)&&_t!=He.alpha;e&&(d.globalAlpha=_t=He.alpha),v.forEach((e,n)=>{if(n>0&&e.show&&(Tt(n,!1),Tt(n,!0),e._paths==null)){let a=_t;_t!=e.alpha&&(d.globalAlpha=_t=e.alpha);let o=i==2?[0,t[n][0].length-1]:Ct(t[n]);e._paths=e.paths(r,n,o[0],o[1]),_t!=a&&(d.globalAlpha=_t=a)}}),v.forEach((e,t)=>{if(t>0&&e.show){let n=_t;_t!=e.alpha&&(d.globalAlpha=_t=e.alpha),e._paths!=null&&Et(t,!1);{let n=e._paths==null?null:e._paths.gaps,i=e.points.show(r,t,tt,nt,n),a=e.points.filter(r,t,i,n);(i||a)&&(e.points._paths=e.points.paths(r,t,tt,nt,a),Et(t,!0))}_t!=n&&(d.globalAlpha=_t=n),q(`drawSeries`,t)}}),e&&(d.globalAlpha=_t=1)}}function Tt(e,t){let n=t?v[e].points:v[e];n._stroke=n.stroke(r,e),n._fill=n.fill(r,e)}function Et(e,t){let n=t?v[e].points:v[e],{stroke:r,fill:i,clip:a,flags:o,_stroke:s=n._stroke,_fill:c=n._fill,_width:l=n.width}=n._paths;l=Q(l*Y,3);let u=null,f=l%2/2;t&&c==null&&(c=l>0?`#fff`:s);let p=n.pxAlign==1&&f>0;if(p&&d.translate(f,f),!t){let e=De-l/2,t=Oe-l/2,n=ke+l,r=Ae+l;u=new Path2D,u.rect(e,t,n,r)}t?Ot(s,l,n.dash,n.cap,c,r,i,o,a):Dt(e,s,l,n.dash,n.cap,c,r,i,o,u,a),p&&d.translate(-f,-f)}function Dt(e,n,i,a,o,s,c,l,u,d,f){let p=!1;u!=0&&x.forEach((m,h)=>{if(m.series[0]==e){let e=v[m.series[1]],g=t[m.series[1]],_=(e._paths||yo).band;So(_)&&(_=m.dir==1?_[0]:_[1]);let y,b=null;e.show&&_&&Ia(g,tt,nt)?(b=m.fill(r,h)||s,y=e._paths.clip):_=null,Ot(n,i,a,o,b,c,l,u,d,f,y,_),p=!0}}),p||Ot(n,i,a,o,s,c,l,u,d,f)}function Ot(e,t,n,r,i,a,o,s,c,l,u,f){vt(e,t,n,r,i),(c||l||f)&&(d.save(),c&&d.clip(c),l&&d.clip(l)),f?(s&3)==3?(d.clip(f),u&&d.clip(u),At(i,o),kt(e,a,t)):s&bc?(At(i,o),d.clip(f),kt(e,a,t)):s&yc&&(d.save(),d.clip(f),u&&d.clip(u),At(i,o),d.restore(),kt(e,a,t)):(At(i,o),kt(e,a,t)),(c||l||f)&&d.restore()}function kt(e,t,n){n>0&&(t instanceof Map?t.forEach((e,t)=>{d.strokeStyle=ct=t,d.stroke(e)}):t!=null&&e&&d.stroke(t))}function At(e,t){t instanceof Map?t.forEach((e,t)=>{d.fillStyle=lt=t,d.fill(e)}):t!=null&&e&&d.fill(t)}function jt(e,t,n,i){let a=y[e],o;if(i<=0)o=[0,0];else{let s=a._space=a.space(r,e,t,n,i);o=dl(t,n,a._incrs=a.incrs(r,e,t,n,i,s),i,s)}return a._found=o}function Mt(e,t,n,r,i,a,o,s,c,l){let u=o%2/2;h==1&&d.translate(u,u),vt(s,o,c,l,s),d.beginPath();let f,p,m,g,_=i+(r==0||r==3?-a:a);n==0?(p=i,g=_):(f=i,m=_);for(let r=0;r<e.length;r++)t[r]!=null&&(n==0?f=m=e[r]:p=g=e[r],d.moveTo(f,p),d.lineTo(m,g));d.stroke(),h==1&&d.translate(-u,-u)}function Nt(e){let t=!0;return y.forEach((n,i)=>{if(!n.show)return;let a=b[n.scale];if(a.min==null){n._show&&(t=!1,n._show=!1,It(!1));return}n._show||(t=!1,n._show=!0,It(!1));let o=n.side,s=o%2,{min:c,max:l}=a,[u,d]=jt(i,c,l,s==0?z:B);if(d==0)return;let f=a.distr==2,p=n._splits=n.splits(r,i,c,l,u,d,f),m=a.distr==2?p.map(e=>it[e]):p,h=a.distr==2?it[p[1]]-it[p[0]]:u,g=n._values=n.values(r,n.filter(r,m,i,d,h),i,d,h);n._rotate=o==2?n.rotate(r,g,i,d):0;let _=n._size;n._size=Ga(n.size(r,g,i,e)),_!=null&&n._size!=_&&(t=!1)}),t}function Pt(e){let t=!0;return Qe.forEach((n,i)=>{let a=n(r,i,Ye,e);a!=$e[i]&&(t=!1),$e[i]=a}),t}function Ft(){for(let e=0;e<y.length;e++){let t=y[e];if(!t.show||!t._show)continue;let n=t.side,i=n%2,a,o,c=t.stroke(r,e),l=n==0||n==3?-1:1,[u,f]=t._found;if(t.label!=null){let s=t.labelGap*l,p=Wa((t._lpos+s)*Y);yt(t.labelFont[0],c,`center`,n==2?Ri:zi),d.save(),i==1?(a=o=0,d.translate(p,Wa(Oe+Ae/2)),d.rotate((n==3?-Va:Va)/2)):(a=Wa(De+ke/2),o=p);let m=ro(t.label)?t.label(r,e,u,f):t.label;d.fillText(m,a,o),d.restore()}if(f==0)continue;let p=b[t.scale],m=i==0?ke:Ae,h=i==0?De:Oe,_=t._splits,v=p.distr==2?_.map(e=>it[e]):_,x=p.distr==2?it[_[1]]-it[_[0]]:u,S=t.ticks,C=t.border,w=S.show?S.size:0,T=Wa(w*Y),E=Wa((t.alignTo==2?t._size-w-t.gap:t.gap)*Y),D=t._rotate*-Va/180,O=g(t._pos*Y),k=O+(T+E)*l;o=i==0?k:0,a=i==1?k:0,yt(t.font[0],c,t.align==1?Bi:t.align==2?Vi:D>0?Bi:D<0?Vi:i==0?`center`:n==3?Vi:Bi,D||i==1?`middle`:n==2?Ri:zi);let A=t.font[1]*t.lineGap,j=_.map(e=>g(s(e,p,m,h))),ee=t._values;for(let e=0;e<ee.length;e++){let t=ee[e];if(t!=null){i==0?a=j[e]:o=j[e],t=``+t;let n=t.indexOf(`
`)==-1?[t]:t.split(/\n/gm);for(let e=0;e<n.length;e++){let t=n[e];D?(d.save(),d.translate(a,o+e*A),d.rotate(D),d.fillText(t,0,0),d.restore()):d.fillText(t,a,o+e*A)}}}S.show&&Mt(j,S.filter(r,v,e,f,x),i,n,O,T,Q(S.width*Y,3),S.stroke(r,e),S.dash,S.cap);let te=t.grid;te.show&&Mt(j,te.filter(r,v,e,f,x),i,i==0?2:1,i==0?Oe:De,i==0?Ae:ke,Q(te.width*Y,3),te.stroke(r,e),te.dash,te.cap),C.show&&Mt([O],[1],+(i==0),i==0?1:2,i==1?Oe:De,i==1?Ae:ke,Q(C.width*Y,3),C.stroke(r,e),C.dash,C.cap)}q(`drawAxes`)}function It(e){v.forEach((t,n)=>{n>0&&(t._paths=null,e&&(i==1?(t.min=null,t.max=null):t.facets.forEach(e=>{e.min=null,e.max=null})))})}let Lt=!1,Rt=!1,zt=[];function Bt(){Rt=!1;for(let e=0;e<zt.length;e++)q(...zt[e]);zt.length=0}function Vt(){Lt||=(Io(Ht),!0)}r.batch=function(e,t=!1){Lt=!0,Rt=t,e(r),Ht(),t&&zt.length>0&&queueMicrotask(Bt)};function Ht(){if(je&&=(St(),!1),Ne&&=(Re(),!1),Me){if(la(p,Bi,xe),la(p,Ri,Se),la(p,Ii,z),la(p,Li,B),la(m,Bi,xe),la(m,Ri,Se),la(m,Ii,z),la(m,Li,B),la(f,Ii,R),la(f,Li,be),u.width=Wa(R*Y),u.height=Wa(be*Y),y.forEach(({_el:e,_show:t,_size:n,_pos:r,side:i})=>{if(e!=null){if(t){let t=i===3||i===0?n:0,a=i%2==1;la(e,a?`left`:`top`,r-t),la(e,a?`width`:`height`,n),la(e,a?`top`:`left`,a?Se:xe),la(e,a?`height`:`width`,a?B:z),ca(e,wi)}else sa(e,wi)}}),ct=lt=ut=ft=pt=mt=ht=gt=dt=null,_t=1,On(!0),xe!=Ce||Se!=we||z!=Te||B!=Ee){It(!1);let e=z/Te,t=B/Ee;if(P&&!Pe&&N.left>=0){N.left*=e,N.top*=t,Kt&&pa(Kt,Wa(N.left),0,z,B),qt&&pa(qt,0,Wa(N.top),z,B);for(let n=0;n<Ge.length;n++){let r=Ge[n];r!=null&&(Ke[n]*=e,qe[n]*=t,pa(r,Ga(Ke[n]),Ga(qe[n]),z,B))}}if(on.show&&!Fe&&on.left>=0&&on.width>0){on.left*=e,on.width*=e,on.top*=t,on.height*=t;for(let e in jn)la(sn,e,on[e])}Ce=xe,we=Se,Te=z,Ee=B}q(`setSize`),Me=!1}R>0&&be>0&&(d.clearRect(0,0,u.width,u.height),q(`drawClear`),w.forEach(e=>e()),q(`draw`)),on.show&&Fe&&(cn(on),Fe=!1),P&&Pe&&(En(null,!0,!1),Pe=!1),M.show&&M.live&&Ie&&(wn(),Ie=!1),c||(c=!0,r.status=1,q(`ready`)),at=!1,Lt=!1}r.redraw=(e,t)=>{Ne=t||!1,e===!1?Vt():un(S,D.min,D.max)};function Ut(e,n){let i=b[e];if(i.from==null){if(et==0){let t=i.range(r,n.min,n.max,e);n.min=t[0],n.max=t[1]}if(n.min>n.max){let e=n.min;n.min=n.max,n.max=e}if(et>1&&n.min!=null&&n.max!=null&&n.max-n.min<1e-16)return;e==S&&i.distr==2&&et>0&&(n.min=Sa(n.min,t[0]),n.max=Sa(n.max,t[0]),n.min==n.max&&n.max++),j[e]=n,je=!0,Vt()}}r.setScale=Ut;let Wt,Gt,Kt,qt,Jt,Yt,Xt,Zt,Qt,$t,W,en,tn=!1,nn=N.drag,rn=nn.x,an=nn.y;P&&(N.x&&(Wt=da(Ei,m)),N.y&&(Gt=da(Di,m)),D.ori==0?(Kt=Wt,qt=Gt):(Kt=Gt,qt=Wt),W=N.left,en=N.top);let on=r.select=jo({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),sn=on.show?da(Ti,on.over?m:p):null;function cn(e,t){if(on.show){for(let t in e)on[t]=e[t],t in jn&&la(sn,t,e[t]);t!==!1&&q(`setSelect`)}}r.setSelect=cn;function ln(e){if(v[e].show)oe&&ca(le[e],wi);else if(oe&&sa(le[e],wi),P){let t=We?Ge[0]:Ge[e];t!=null&&pa(t,-10,-10,z,B)}}function un(e,t,n){Ut(e,{min:t,max:n})}function dn(e,t,n,a){t.focus!=null&&_n(e),t.show!=null&&v.forEach((n,r)=>{r>0&&(e==r||e==null)&&(n.show=t.show,ln(r),i==2?(un(n.facets[0].scale,null,null),un(n.facets[1].scale,null,null)):un(n.scale,null,null),Vt())}),n!==!1&&q(`setSeries`,e,t),a&&Gn(`setSeries`,r,e,t)}r.setSeries=dn,r.addBand=function(e,t){e.fill=Z(e.fill||null),e.dir=X(e.dir,-1),t??=x.length,x.splice(t,0,e)},r.setBand=function(e,t){jo(x[e],t)},r.delBand=function(e){e==null?x.length=0:x.splice(e,1)};function fn(e,t){v[e].alpha=t,P&&Ge[e]!=null&&(Ge[e].style.opacity=t),oe&&le[e]&&(le[e].style.opacity=t)}let pn,mn,hn,gn={focus:!0};function _n(e){if(e!=hn){let t=e==null,n=He.alpha!=1;v.forEach((r,a)=>{if(i==1||a>0){let i=t||a==0||a==e;r._focus=t?null:i,n&&fn(a,i?1:He.alpha)}}),hn=e,n&&Vt()}}oe&&Ue&&ve(Ji,I,e=>{N._lock||(Ve(e),hn!=null&&dn(null,gn,!0,J.setSeries))});function vn(e,t,n){let r=b[t];n&&(e=e/Y-(r.ori==1?Se:xe));let i=z;r.ori==1&&(i=B,e=i-e),r.dir==-1&&(e=i-e);let a=r._min,o=r._max,s=e/i,c=a+(o-a)*s,l=r.distr;return l==3?Ja(10,c):l==4?Qa(c,r.asinh):l==100?r.bwd(c):c}r.valToIdx=e=>Sa(e,t[0]),r.posToIdx=function(e,n){return Sa(vn(e,S,n),t[0],tt,nt)},r.posToVal=vn,r.valToPos=(e,t,n)=>b[t].ori==0?a(e,b[t],n?ke:z,n?De:0):o(e,b[t],n?Ae:B,n?Oe:0),r.setCursor=(e,t,n)=>{W=e.left,en=e.top,En(null,t,n)};function yn(e,t){la(sn,Bi,on.left=e),la(sn,Ii,on.width=t)}function bn(e,t){la(sn,Ri,on.top=e),la(sn,Li,on.height=t)}let xn=D.ori==0?yn:bn,Sn=D.ori==1?yn:bn;function Cn(){if(oe&&M.live)for(let e=+(i==2);e<v.length;e++){if(e==0&&fe)continue;let t=M.values[e],n=0;for(let r in t)ue[e][n++].firstChild.nodeValue=t[r]}}function wn(e,t){if(e!=null&&(e.idxs?e.idxs.forEach((e,t)=>{ae[t]=e}):wo(e.idx)||ae.fill(e.idx),M.idx=ae[0]),oe&&M.live){for(let e=0;e<v.length;e++)(e>0||i==1&&!fe)&&Tn(e,ae[e]);Cn()}Ie=!1,t!==!1&&q(`setLegend`)}r.setLegend=wn;function Tn(e,n){let i=v[e],a=e==0&&O==2?it:t[e],o;fe?o=i.values(r,e,n)??L:(o=i.value(r,n==null?null:a[n],e,n),o=o==null?L:{_:o}),M.values[e]=o}function En(e,n,a){Qt=W,$t=en,[W,en]=N.move(r,W,en),N.left=W,N.top=en,P&&(Kt&&pa(Kt,Wa(W),0,z,B),qt&&pa(qt,0,Wa(en),z,B));let o,s=tt>nt;pn=eo,mn=null;let c=D.ori==0?z:B,l=D.ori==1?z:B;if(W<0||et==0||s){o=N.idx=null;for(let e=0;e<v.length;e++){let t=Ge[e];t!=null&&pa(t,-10,-10,z,B)}Ue&&dn(null,gn,!0,e==null&&J.setSeries),M.live&&(ae.fill(o),Ie=!0)}else{let e,n,a;i==1&&(e=D.ori==0?W:en,n=vn(e,S),o=N.idx=Sa(n,t[0],tt,nt),a=k(t[0][o],D,c,0));let s=-10,u=-10,d=0,f=0,p=!0,m=``,h=``;for(let e=+(i==2);e<v.length;e++){let g=v[e],_=ae[e],y=_==null?null:i==1?t[e][_]:t[e][1][_],x=N.dataIdx(r,e,o,n),S=x==null?null:i==1?t[e][x]:t[e][1][x];if(Ie=Ie||S!=y||x!=_,ae[e]=x,e>0&&g.show){let n=x==null?-10:x==o?a:k(i==1?t[0][x]:t[e][0][x],D,c,0),_=S==null?-10:A(S,i==1?b[g.scale]:b[g.facets[1].scale],l,0);if(Ue&&S!=null){let t=D.ori==1?W:en,n=Ha(He.dist(r,e,x,_,t));if(n<pn){let r=He.bias;if(r!=0){let i=vn(t,g.scale),a=S>=0?1:-1,o=i>=0?1:-1;o==a&&(o==1?r==1?S>=i:S<=i:r==1?S<=i:S>=i)&&(pn=n,mn=e)}else pn=n,mn=e}}if(Ie||We){let t,i;D.ori==0?(t=n,i=_):(t=_,i=n);let a,o,c,l,g,v,y=!0,b=H.bbox;if(b!=null){y=!1;let t=b(r,e);c=t.left,l=t.top,a=t.width,o=t.height}else c=t,l=i,a=o=H.size(r,e);if(v=H.fill(r,e),g=H.stroke(r,e),We)e==mn&&pn<=He.prox&&(s=c,u=l,d=a,f=o,p=y,m=v,h=g);else{let t=Ge[e];t!=null&&(Ke[e]=c,qe[e]=l,_a(t,a,o,y),ha(t,v,g),pa(t,Ga(c),Ga(l),z,B))}}}}if(We){let e=He.prox;if(Ie||(hn==null?pn<=e:pn>e||mn!=hn)){let e=Ge[0];e!=null&&(Ke[0]=s,qe[0]=u,_a(e,d,f,p),ha(e,m,h),pa(e,Ga(s),Ga(u),z,B))}}}if(on.show&&tn){if(e!=null){let[t,n]=J.scales,[r,i]=J.match,[a,o]=e.cursor.sync.scales,s=e.cursor.drag;if(rn=s._x,an=s._y,rn||an){let{left:s,top:u,width:d,height:f}=e.select,p=e.scales[a].ori,m=e.posToVal,h,g,_,v,y,x=t!=null&&r(t,a),S=n!=null&&i(n,o);x&&rn?(p==0?(h=s,g=d):(h=u,g=f),_=b[t],v=k(m(h,a),_,c,0),y=k(m(h+g,a),_,c,0),xn(Ka(v,y),Ha(y-v))):xn(0,c),S&&an?(p==1?(h=s,g=d):(h=u,g=f),_=b[n],v=A(m(h,o),_,l,0),y=A(m(h+g,o),_,l,0),Sn(Ka(v,y),Ha(y-v))):Sn(0,l)}else Mn()}else{let e=Ha(Qt-Jt),t=Ha($t-Yt);if(D.ori==1){let n=e;e=t,t=n}rn=nn.x&&e>=nn.dist,an=nn.y&&t>=nn.dist;let n=nn.uni;n==null?nn.x&&nn.y&&(rn||an)&&(rn=an=!0):rn&&an&&(rn=e>=n,an=t>=n,!rn&&!an&&(t>e?an=!0:rn=!0));let r,i;rn&&(D.ori==0?(r=Xt,i=W):(r=Zt,i=en),xn(Ka(r,i),Ha(i-r)),an||Sn(0,l)),an&&(D.ori==1?(r=Xt,i=W):(r=Zt,i=en),Sn(Ka(r,i),Ha(i-r)),rn||xn(0,c)),!rn&&!an&&(xn(0,0),Sn(0,0))}}if(nn._x=rn,nn._y=an,e==null){if(a){if(Un!=null){let[e,t]=J.scales;J.values[0]=e==null?null:vn(D.ori==0?W:en,e),J.values[1]=t==null?null:vn(D.ori==1?W:en,t)}Gn(Wi,r,W,en,z,B,o)}if(Ue){let e=a&&J.setSeries,t=He.prox;hn==null?pn<=t&&dn(mn,gn,!0,e):pn>t?dn(null,gn,!0,e):mn!=hn&&dn(mn,gn,!0,e)}}Ie&&(M.idx=o,wn()),n!==!1&&q(`setCursor`)}let Dn=null;Object.defineProperty(r,"rect",{get(){return Dn??On(!1),Dn}});function On(e=!1){e?Dn=null:(Dn=m.getBoundingClientRect(),q(`syncRect`,Dn))}function kn(e,t,n,r,i,a,o){N._lock||tn&&e!=null&&e.movementX==0&&e.movementY==0||(An(e,t,n,r,i,a,o,!1,e!=null),e==null?En(t,!0,!1):En(null,!0,!0))}function An(e,t,n,i,a,o,c,l,u){if(Dn??On(!1),Ve(e),e!=null)n=e.clientX-Dn.left,i=e.clientY-Dn.top;else{if(n<0||i<0){W=-10,en=-10;return}let[e,r]=J.scales,c=t.cursor.sync,[l,u]=c.values,[d,f]=c.scales,[p,m]=J.match,h=t.axes[0].side%2==1,g=D.ori==0?z:B,_=D.ori==1?z:B,v=h?o:a,y=h?a:o,x=h?i:n,S=h?n:i;if(n=d==null?x/v*g:p(e,d)?s(l,b[e],g,0):-10,i=f==null?S/y*_:m(r,f)?s(u,b[r],_,0):-10,D.ori==1){let e=n;n=i,i=e}}u&&(t==null||t.cursor.event.type==Wi)&&((n<=1||n>=z-1)&&(n=po(n,z)),(i<=1||i>=B-1)&&(i=po(i,B))),l?(Jt=n,Yt=i,[Xt,Zt]=N.move(r,n,i)):(W=n,en=i)}let jn={width:0,height:0,left:0,top:0};function Mn(){cn(jn,!1)}let Nn,Pn,Fn,In;function Ln(e,t,n,i,a,o,s){tn=!0,rn=an=nn._x=nn._y=!1,An(e,t,n,i,a,o,s,!0,!1),e!=null&&(ve(Ki,na,Rn,!1),Gn(Gi,r,Xt,Zt,z,B,null));let{left:c,top:l,width:u,height:d}=on;Nn=c,Pn=l,Fn=u,In=d}function Rn(e,t,n,i,a,o,s){tn=nn._x=nn._y=!1,An(e,t,n,i,a,o,s,!1,!0);let{left:c,top:l,width:u,height:d}=on,f=u>0||d>0,p=Nn!=c||Pn!=l||Fn!=u||In!=d;if(f&&p&&cn(on),nn.setScale&&f&&p){let e=c,t=u,n=l,r=d;if(D.ori==1&&(e=l,t=d,n=c,r=u),rn&&un(S,vn(e,S),vn(e+t,S)),an)for(let e in b){let t=b[e];e!=S&&t.from==null&&t.min!=eo&&un(e,vn(n+r,e),vn(n,e))}Mn()}else N.lock&&(N._lock=!N._lock,En(t,!0,e!=null));e!=null&&(ye(Ki,na),Gn(Ki,r,W,en,z,B,null))}function zn(e,t,n,r,i,a,o){if(N._lock)return;Ve(e);let s=tn;if(tn){let e=!0,t=!0,n,r;D.ori==0?(n=rn,r=an):(n=an,r=rn),n&&r&&(e=W<=10||W>=z-10,t=en<=10||en>=B-10),n&&e&&(W=W<Xt?0:z),r&&t&&(en=en<Zt?0:B),En(null,!0,!0),tn=!1}W=-10,en=-10,ae.fill(null),En(null,!0,!0),s&&(tn=s)}function G(e,t,n,i,a,o,s){N._lock||(Ve(e),st(),Mn(),e!=null&&Gn(Yi,r,W,en,z,B,null))}function Bn(){y.forEach(pl),Le(r.width,r.height,!0)}ba($i,ra,Bn);let K={};K.mousedown=Ln,K.mousemove=kn,K.mouseup=Rn,K.dblclick=G,K.setSeries=(e,t,n,i)=>{n=(0,J.match[2])(r,t,n),n!=-1&&dn(n,i,!0,!1)},P&&(ve(Gi,m,Ln),ve(Wi,m,kn),ve(qi,m,e=>{Ve(e),On(!1)}),ve(Ji,m,zn),ve(Yi,m,G),Zc.add(r),r.syncRect=On);let Vn=r.hooks=e.hooks||{};function q(e,t,n){Rt?zt.push([e,t,n]):e in Vn&&Vn[e].forEach(e=>{e.call(null,r,t,n)})}(e.plugins||[]).forEach(e=>{for(let t in e.hooks)Vn[t]=(Vn[t]||[]).concat(e.hooks[t])});let Hn=(e,t,n)=>n,J=jo({key:null,setSeries:!1,filters:{pub:co,sub:co},scales:[S,v[1]?v[1].scale:null],match:[lo,lo,Hn],values:[null,null]},N.sync);J.match.length==2&&J.match.push(Hn),N.sync=J;let Un=J.key,Wn=vc(Un);function Gn(e,t,n,r,i,a,o){J.filters.pub(e,t,n,r,i,a,o)&&Wn.pub(e,t,n,r,i,a,o)}Wn.sub(r),r.pub=function(e,t,n,r,i,a,o){J.filters.sub(e,t,n,r,i,a,o)&&K[e](null,t,n,r,i,a,o)},r.destroy=function(){Wn.unsub(r),Zc.delete(r),_e.clear(),xa($i,ra,Bn),l.remove(),I?.remove(),q(`destroy`)};function Kn(){q(`init`,e,t),ot(t||e.data,!1),j[S]?Ut(S,j[S]):st(),Fe=on.show&&(on.width>0||on.height>0),Pe=Ie=!0,Le(e.width,e.height)}return v.forEach(U),y.forEach(Xe),n?n instanceof HTMLElement?(n.appendChild(l),Kn()):n(r,Kn):Kn(),r}ml.assign=jo,ml.fmtNum=za,ml.rangeNum=Fa,ml.rangeLog=ka,ml.rangeAsinh=Aa,ml.orient=xc,ml.pxRatio=Y,ml.join=function(e,t){if(Ro(e)){let t=e[0].slice();for(let n=1;n<e.length;n++)t.push(...e[n].slice(1));return zo(t[0])||(t=Lo(t)),t}let n=new Set;for(let t=0;t<e.length;t++){let r=e[t][0],i=r.length;for(let e=0;e<i;e++)n.add(r[e])}let r=[Array.from(n).sort((e,t)=>e-t)],i=r[0].length,a=new Map;for(let e=0;e<i;e++)a.set(r[0][e],e);for(let n=0;n<e.length;n++){let o=e[n],s=o[0];for(let e=1;e<o.length;e++){let c=o[e],l=Array(i).fill(void 0),u=t?t[n][e]:No,d=[];for(let e=0;e<c.length;e++){let t=c[e],n=a.get(s[e]);t===null?u!=Mo&&(l[n]=t,u==Po&&d.push(n)):l[n]=t}Fo(l,d,i),r.push(l)}}return r},ml.fmtDate=Jo,ml.tzDate=function(e,t){let n;return t==`UTC`||t==`Etc/UTC`?n=new Date(+e+e.getTimezoneOffset()*6e4):t==Yo?n=e:(n=new Date(e.toLocaleString(`en-US`,{timeZone:t})),n.setMilliseconds(e.getMilliseconds())),n},ml.sync=vc;{ml.addGap=Ec,ml.clipGaps=Tc;let e=ml.paths={points:Bc};e.linear=Wc,e.stepped=Gc,e.bars=qc,e.spline=Yc}var hl=[`#1f77b4`,`#ff7f0e`,`#2ca02c`,`#d62728`,`#9467bd`,`#8c564b`,`#e377c2`,`#17becf`,`#bcbd22`,`#7f7f7f`];function gl(e,t){if(t<=0)return e;let n=0,r=0;return e.map(([e,i])=>(n=n*t+(1-t)*i,r=r*t+(1-t),[e,n/r]))}function _l({title:e,series:t,xLabel:n,logScale:r=!1,smoothing:i=0,height:a=220}){let o=xe(null);return z(()=>{let e=o.current;if(!e)return;let s=t.map(e=>{let t=gl(e.points,i).filter(([,e])=>!r||e>0);return[t.map(e=>e[0]),t.map(e=>e[1])]}),c=s.length?ml.join(s):[[]],l=0,u=new ml({width:Math.max(e.clientWidth,200),height:a,legend:{show:t.length<=12},scales:{x:{time:n===`time`},y:{distr:r?3:1}},axes:[{label:n===`time`?void 0:n},{}],series:[{label:n},...t.map(e=>({label:e.baseline?`${e.label} (baseline)`:e.label,stroke:e.baseline?`#111`:hl[l++%hl.length],width:e.baseline?3:1.5,dash:e.baseline?[8,4]:void 0,spanGaps:!0,points:{show:!1}}))]},c,e),d=new ResizeObserver(()=>u.setSize({width:Math.max(e.clientWidth,200),height:a}));return d.observe(e),()=>{d.disconnect(),u.destroy()}},[t,r,i,n,a]),G(`figure`,{class:`chart`,"aria-label":`Chart of ${e}`,children:[G(`figcaption`,{children:e}),G(`div`,{ref:o})]})}var vl=20,yl=6;function bl(e){let t=new Set;for(let n of e)for(let[e,r]of Object.entries(n.summary))!e.startsWith(`_`)&&typeof r==`number`&&t.add(e);return[...t].sort()}function xl(e,t,n){let r=[];for(let i of e){let e=i[n],a=i[t];typeof e==`number`&&typeof a==`number`&&Number.isFinite(a)&&r.push([e,a])}return r.sort((e,t)=>e[0]-t[0])}function Sl({info:e,runs:t}){let n=Se(()=>bl(t),[t]),[r,i]=R(null),a=r??n.slice(0,yl),[o,s]=R(`_step`),[c,l]=R(!1),[u,d]=R(0),f=t.slice(0,vl),p=e.baselineRun?.name,m=[...f.map(e=>e.name),...p&&!f.some(e=>e.name===p)?[p]:[]],h=new Map(t.map(e=>[e.name,e.displayName||e.name]));e.baselineRun&&h.set(e.baselineRun.name,e.baselineRun.displayName||e.baselineRun.name);let g=o===`_timestamp`?a.map(e=>[e,`_timestamp`]):a.map(e=>[e]),[_]=Bn(()=>a.length?ht(e.entityName,e.name,m,a,500,g):Promise.resolve({}),[m.join(`,`),a.join(`,`),o]);return G(y,{children:[G(`div`,{class:`toolbar`,children:[G(`details`,{children:[G(`summary`,{children:[`Metrics (`,a.length,` of `,n.length,`)`]}),G(`fieldset`,{children:[G(`legend`,{children:`Metrics to chart`}),n.map(e=>G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:a.includes(e),onChange:t=>i(t.currentTarget.checked?[...a,e]:a.filter(t=>t!==e))}),e]},e))]})]}),G(`label`,{children:[`X axis`,` `,G(`select`,{value:o,onChange:e=>s(e.currentTarget.value),children:[G(`option`,{value:`_step`,children:`Step`}),G(`option`,{value:`_timestamp`,children:`Time`})]})]}),G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:c,onChange:e=>l(e.currentTarget.checked)}),` Log scale`]}),G(`label`,{children:[`Smoothing`,` `,G(`input`,{type:`range`,min:0,max:.99,step:.01,value:u,onInput:e=>d(Number(e.currentTarget.value))}),` `,u.toFixed(2)]}),G(`span`,{class:`muted`,children:[f.length,` runs shown`,t.length>vl?` (the first ${vl} of the table's order)`:``,p?`; baseline ${h.get(p)} drawn dashed`:``]})]}),a.length===0&&G(`p`,{class:`muted`,children:`No numeric metrics logged yet.`}),_.state===`loading`&&a.length>0&&G(Hn,{}),_.state===`failed`&&G(q,{error:_.error}),_.state===`done`&&G(`div`,{class:`charts`,children:a.map((e,t)=>G(_l,{title:e,series:m.filter(e=>_.value[e]).map(n=>({label:h.get(n)??n,points:xl(_.value[n][t]??[],e,o),baseline:n===p})),xLabel:o===`_step`?`step`:`time`,logScale:c,smoothing:u},`${e}-${o}`))})]})}function Cl(e){return/(loss|error|err|perplexity|mse|mae|rmse|latency|time|wer|cer)$/i.test(e.replace(/^summary_metrics\./,``))}function wl(e){return e.difference===null||e.difference===void 0?null:e.difference===0?`same`:e.difference>0===Cl(e.key)?`worse`:`better`}function Tl(e){let t=new Set;for(let n of e)JSON.stringify(n.value)!==JSON.stringify(n.baselineValue)&&t.add(n.key);return t}var El=20,Dl=100;function Ol({info:e,runs:t}){let n=e.baselineRun,[r,i]=R(!0),a=t.filter(e=>e.name!==n?.name).slice(0,El),o=Kr(t).map(e=>e.key).slice(0,Dl),[s]=Bn(()=>n&&a.length&&o.length?Yt(e.entityName,e.name,o,a.map(e=>e.name)):Promise.resolve(null),[n?.name,a.map(e=>e.name).join(`,`),o.join(`,`)]);return n?a.length===0?G(`p`,{class:`muted`,children:`No other runs to compare with the baseline.`}):G(J,{loaded:s,children:e=>{let t=new Map;for(let n of e.rows)t.has(n.key)||t.set(n.key,new Map),t.get(n.key).set(n.run.name,n);let s=Tl(e.rows.filter(e=>e.key.startsWith(`config.`))),c=o.filter(e=>e.startsWith(`config.`)&&(!r||s.has(e))),l=o.filter(e=>e.startsWith(`summary_metrics.`)),u=G(`tr`,{children:[G(`th`,{scope:`col`,children:`Key`}),G(`th`,{scope:`col`,children:[n.displayName||n.name,` (baseline)`]}),a.map(e=>G(`th`,{scope:`col`,children:e.displayName||e.name},e.name))]});return G(y,{children:[G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:r,onChange:e=>i(e.currentTarget.checked)}),`Only config keys that differ`]}),G(`h2`,{children:`Config`}),G(`table`,{"aria-label":`Config compared with the baseline`,children:[G(`thead`,{children:u}),G(`tbody`,{children:c.map(e=>{let n=t.get(e),r=n?.values().next().value?.baselineValue;return G(`tr`,{children:[G(`th`,{scope:`row`,children:e.slice(7)}),G(`td`,{children:Jr(r)}),a.map(e=>{let t=n?.get(e.name);return G(`td`,{class:t&&JSON.stringify(t.value)!==JSON.stringify(t.baselineValue)?`differs`:void 0,children:Jr(t?.value)},e.name)})]},e)})})]}),c.length===0&&G(`p`,{class:`muted`,children:`No config key differs from the baseline.`}),G(`h2`,{children:`Summary`}),G(`table`,{"aria-label":`Summary compared with the baseline`,children:[G(`thead`,{children:u}),G(`tbody`,{children:l.map(e=>{let n=t.get(e),r=n?.values().next().value?.baselineValue;return G(`tr`,{children:[G(`th`,{scope:`row`,children:e.slice(16)}),G(`td`,{children:Jr(r)}),a.map(e=>{let t=n?.get(e.name),r=t?wl(t):null;return G(`td`,{class:r??void 0,children:[Jr(t?.value),t?.difference!==null&&t?.difference!==void 0&&G(`span`,{class:`delta`,children:[` `,`(`,t.difference>0?`+`:``,Jr(t.difference),t.relativeDifference!==null&&`, ${t.relativeDifference>0?`+`:``}${(t.relativeDifference*100).toFixed(1)}%`,`)`,r&&r!==`same`&&G(`span`,{class:`sr-only`,children:[` `,r]})]})]},e.name)})]},e)})})]})]})}}):G(`p`,{class:`muted`,children:`Mark a run as the baseline (in the Table tab) to compare the others with it.`})}function kl({entity:e,project:t}){let[n]=Bn(()=>nn(e,t),[e,t]);if(n.state===`loading`)return G(Hn,{});if(n.state===`failed`)return G(q,{error:n.error});let r=n.value??[];return r.length===0?G(`p`,{class:`muted`,children:[`No artifacts yet: a run logs one with `,G(`code`,{children:`run.log_artifact(wandb.Artifact("name", type="dataset"))`}),`.`]}):G(y,{children:r.map(n=>{let r=`artifact-type-${n.name}`,i=n.artifactCollections.edges.map(e=>e.node);return G(`section`,{"aria-labelledby":r,children:[G(`h2`,{id:r,children:[n.name,` `,G(`span`,{class:`badge`,children:n.artifactCollections.totalCount===1?`1 collection`:`${n.artifactCollections.totalCount} collections`})]}),n.description&&G(`p`,{children:n.description}),G(`table`,{"aria-label":`Artifacts of type ${n.name}`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Name`}),G(`th`,{scope:`col`,children:`Kind`}),G(`th`,{scope:`col`,children:`Versions`}),G(`th`,{scope:`col`,children:`Latest`}),G(`th`,{scope:`col`,children:`Updated`}),G(`th`,{scope:`col`,children:`Description`})]})}),G(`tbody`,{children:i.map(r=>{let i=r.artifacts.edges[0];return G(`tr`,{children:[G(`th`,{scope:`row`,children:G(K,{href:Mn(e,t,n.name,r.name),children:r.name})}),G(`td`,{children:r.__typename===`ArtifactPortfolio`?`portfolio`:`sequence`}),G(`td`,{children:r.artifacts.totalCount}),G(`td`,{children:i&&G(`a`,{href:Nn(e,t,n.name,r.name,i.version),onClick:Ln,"aria-label":`${r.name}:${i.version}`,children:i.version})}),G(`td`,{children:Wn(r.updatedAt??r.createdAt)}),G(`td`,{children:r.description??``})]},r.name)})})]})]},n.name)})})}var Al=[`LOWER_IS_BETTER`,`HIGHER_IS_BETTER`],jl=[`THRESHOLD`,`BASELINE_SAME_STEP`,`BASELINE_FINAL`,`BASELINE_BEST`,`BASELINE_GROUP`,`CHANGE`],Ml=[`ABSOLUTE`,`RELATIVE`,`SIGMA`],Nl=[`MEAN`,`MIN`,`MAX`],Pl={THRESHOLD:`a fixed threshold`,BASELINE_SAME_STEP:`the baseline run at the same step`,BASELINE_FINAL:`the baseline run's final value`,BASELINE_BEST:`the baseline run's best value so far`,BASELINE_GROUP:`the mean of a group of runs`,CHANGE:`the run's previous window`},Fl={name:``,metric:``,direction:`LOWER_IS_BETTER`,comparison:`THRESHOLD`,threshold:``,tolerance:`0`,toleranceKind:`ABSOLUTE`,window:`1`,aggregate:`MEAN`,warmupSteps:`0`,scope:``,baselineFilters:``,detectNonFinite:!1,detectFailed:!1,stallMinutes:``};function Il(e){return{name:e.name,metric:e.metric,direction:e.direction,comparison:e.comparison,threshold:e.threshold===null?``:String(e.threshold),tolerance:String(e.tolerance),toleranceKind:e.toleranceKind,window:String(e.window),aggregate:e.aggregate,warmupSteps:String(e.warmupSteps),scope:e.scope??``,baselineFilters:e.baselineFilters??``,detectNonFinite:e.detectNonFinite,detectFailed:e.detectFailed,stallMinutes:e.stallMinutes===null?``:String(e.stallMinutes)}}function Ll(e,t,{integer:n=!1,min:r}={}){let i=e.trim(),a=Number(i);if(i===``||!Number.isFinite(a))throw Error(`${t}: type a number.`);if(n&&!Number.isInteger(a))throw Error(`${t}: type a whole number.`);if(r!==void 0&&a<r)throw Error(`${t}: at least ${r}.`);return a}function Rl(e,t){let n=e.trim();if(!n)return null;let r;try{r=JSON.parse(n)}catch{throw Error(`${t}: not JSON (write a filter such as {"config.dataset": "imagenet"}).`)}if(typeof r!=`object`||!r||Array.isArray(r))throw Error(`${t}: a JSON object, such as {"state": "finished"}.`);return JSON.stringify(r)}function zl(e){let t=e.name.trim(),n=e.metric.trim();if(!t)throw Error(`Rule name: type a name.`);if(!n)throw Error(`Metric: type a history key, such as loss.`);if(e.comparison===`THRESHOLD`&&!e.threshold.trim())throw Error(`Threshold: a fixed-threshold rule needs one.`);if(e.comparison===`BASELINE_GROUP`&&!e.baselineFilters.trim())throw Error(`Baseline runs: a group rule needs the filter choosing its runs.`);return{name:t,metric:n,direction:e.direction,comparison:e.comparison,threshold:e.threshold.trim()?Ll(e.threshold,`Threshold`):null,tolerance:Ll(e.tolerance||`0`,`Tolerance`,{min:0}),toleranceKind:e.toleranceKind,window:Ll(e.window||`1`,`Window`,{integer:!0,min:1}),aggregate:e.aggregate,warmupSteps:Ll(e.warmupSteps||`0`,`Warm-up steps`,{integer:!0,min:0}),scope:Rl(e.scope,`Runs checked`),baselineFilters:e.comparison===`BASELINE_GROUP`?Rl(e.baselineFilters,`Baseline runs`):null,detectNonFinite:e.detectNonFinite,detectFailed:e.detectFailed,stallMinutes:e.stallMinutes.trim()?Ll(e.stallMinutes,`Stall minutes`,{integer:!0,min:1}):null}}function Bl(e,t,n){try{let r={entityName:t,projectName:n,...zl(e)};for(let e of[`threshold`,`scope`,`baselineFilters`,`stallMinutes`])r[e]===null&&delete r[e];return{ok:!0,input:r}}catch(e){return{ok:!1,error:e.message}}}function Vl(e,t,n,r){try{let i=zl(e),a=zl(Il(t)),o={entityName:n,projectName:r,name:t.name};i.name!==t.name&&(o.newName=i.name);for(let e of Object.keys(i))if(e!==`name`&&i[e]!==a[e]){if(i[e]!==null)o[e]=i[e];else if(e===`scope`)o.scope=`{}`;else if(e===`stallMinutes`)return{ok:!1,error:`Stall minutes: the stall check cannot be turned off once set; delete the rule and create it again.`}}return{ok:!0,input:o}}catch(e){return{ok:!1,error:e.message}}}function Hl(e){let t=[`${e.metric} (${e.direction===`LOWER_IS_BETTER`?`lower`:`higher`} is better) against ${Pl[e.comparison]??e.comparison}`];return e.threshold!==null&&(t[0]+=` ${e.threshold}`),e.tolerance&&t.push(`tolerance ${e.tolerance}${e.toleranceKind===`RELATIVE`?` (relative)`:e.toleranceKind===`SIGMA`?` σ`:``}`),e.window>1&&t.push(`${e.aggregate.toLowerCase()} of ${e.window}`),e.warmupSteps&&t.push(`after step ${e.warmupSteps}`),t.join(`, `)}var Ul=`graphql-transport-ws`;function Wl(e,t,n){switch(e.type){case`connection_ack`:return n.onLive(),t;case`ping`:return{type:`pong`};case`next`:{let t=e.payload;return t?.errors?.length?n.onDown(t.errors[0].message):t?.data?.alertEvents&&n.onAlert(t.data.alertEvents),null}case`error`:{let t=e.payload;return n.onDown(t?.[0]?.message??`the subscription was refused`),null}case`complete`:return n.onDown(`the server ended the subscription`),null;default:return null}}function Gl(e){return`${e.protocol===`https:`?`wss`:`ws`}://${e.host}/graphql`}function Kl(e,t,n){let r=!1,i;try{i=new WebSocket(Gl(location),Ul)}catch(e){return n.onDown(e.message),()=>{}}let a={id:`alerts`,type:`subscribe`,payload:{query:En.toString(),variables:{entityName:e,projectName:t}}};return i.onopen=()=>i.send(JSON.stringify({type:`connection_init`,payload:{}})),i.onmessage=e=>{let t;try{t=JSON.parse(String(e.data))}catch{return}let r=Wl(t,a,n);r&&i.send(JSON.stringify(r))},i.onclose=e=>{r||n.onDown(e.code===4401?`the live feed needs credentials`:`the live feed closed (${e.code})`)},()=>{r=!0,i.close()}}var ql=[`OPEN`,`ACKNOWLEDGED`,`RESOLVED`],Jl=[[60,`1 hour`],[240,`4 hours`],[1440,`1 day`],[10080,`1 week`]],Yl=15e3,Xl=3e5;function Zl({entity:e,project:t}){let[n,r]=R(``),[i,a]=R(!1),[o,s]=Bn(()=>hn(e,t,n?[n]:null),[e,t,n]);if(z(()=>Kl(e,t,{onLive:()=>a(!0),onAlert:()=>s(),onDown:()=>a(!1)}),[e,t,s]),z(()=>{let e=setInterval(()=>document.visibilityState===`visible`&&s(),i?Xl:Yl);return()=>clearInterval(e)},[s,i]),o.state===`loading`)return G(Hn,{});if(o.state===`failed`)return G(q,{error:o.error});if(!o.value)return G(q,{error:`The project is gone.`});let c=o.value;return G(y,{children:[G(Ql,{page:c,reload:s}),G(`section`,{"aria-labelledby":`alerts-list-heading`,children:[G(`h2`,{id:`alerts-list-heading`,children:`Recent alerts`}),G(`p`,{children:[G(`label`,{children:[`Alert state`,` `,G(`select`,{value:n,onChange:e=>r(e.currentTarget.value),children:[G(`option`,{value:``,children:`All`}),ql.map(e=>G(`option`,{value:e,children:e.toLowerCase()},e))]})]}),` `,G(`button`,{type:`button`,onClick:s,children:`Refresh alerts`}),` `,G(`span`,{class:`muted`,"aria-live":`polite`,children:i?`Updates live`:`Refreshes every ${Yl/1e3} s`})]}),G(eu,{page:c,reload:s})]})]})}function Ql({page:e,reload:t}){let n=e.viewerCanManageRules,[r,i]=R(null),[a,o]=R(null),[s,c,l]=Kn();return G(`section`,{"aria-labelledby":`rules-heading`,children:[G(`h2`,{id:`rules-heading`,children:`Metric rules`}),e.metricRules.length===0?G(`p`,{class:`muted`,children:`No rules: a rule checks a metric of every run as its lines arrive and opens an alert on a regression.`}):G(`table`,{"aria-label":`Metric rules`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Name`}),G(`th`,{scope:`col`,children:`Checks`}),G(`th`,{scope:`col`,children:`Runs checked`}),G(`th`,{scope:`col`,children:`Also alerts on`}),G(`th`,{scope:`col`,children:`Changed`}),n&&G(`th`,{scope:`col`,children:`Actions`})]})}),G(`tbody`,{children:e.metricRules.map(a=>G(`tr`,{children:[G(`th`,{scope:`row`,children:a.name}),G(`td`,{class:`wrap`,children:Hl(a)}),G(`td`,{children:G(`code`,{children:a.scope&&a.scope!==`{}`?a.scope:`all`})}),G(`td`,{children:[a.detectNonFinite&&`NaN or ±Infinity`,a.detectFailed&&`failed runs`,a.stallMinutes&&`no value for ${a.stallMinutes} min`].filter(Boolean).join(`, `)}),G(`td`,{children:Wn(a.updatedAt)}),n&&G(`td`,{children:[G(`button`,{type:`button`,"aria-label":`Edit rule ${a.name}`,onClick:()=>(i(a),o(null)),children:`Edit`}),` `,G(`button`,{type:`button`,"aria-label":`Delete rule ${a.name}`,disabled:l,onClick:()=>confirm(`Delete the rule ${a.name}? Its alerts stay.`)&&s(async()=>{await xn(e.entityName,e.name,a.name),r!==`new`&&r?.name===a.name&&i(null),o(`Deleted rule ${a.name}`),t()}),children:`Delete`})]})]},a.id))})]}),n&&r===null&&G(`p`,{children:G(`button`,{type:`button`,onClick:()=>(i(`new`),o(null)),children:`New rule`})}),a&&G(`p`,{role:`status`,class:`ok`,children:a}),c&&G(q,{error:c}),n&&r!==null&&G($l,{page:e,rule:r===`new`?null:r,onCancel:()=>i(null),onSaved:e=>{i(null),o(e),t()}},r===`new`?`new`:r.id)]})}function $l({page:e,rule:t,onCancel:n,onSaved:r}){let[i,a]=R(t?Il(t):Fl),[o,s]=R(null),[c,l,u]=Kn(),d=e=>a(t=>({...t,...e})),f=(e,t,n={})=>G(`label`,{children:[t,` `,G(`input`,{value:i[e],onInput:t=>d({[e]:t.currentTarget.value}),...n})]}),p=(e,t,n,r={})=>G(`label`,{children:[t,` `,G(`select`,{value:i[e],onChange:t=>d({[e]:t.currentTarget.value}),children:n.map(e=>G(`option`,{value:e,children:r[e]??e.toLowerCase().replace(/_/g,` `)},e))})]}),m=(e,t)=>G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:i[e],onChange:t=>d({[e]:t.currentTarget.checked})}),` `,t]}),h=t?`Edit rule ${t.name}`:`New metric rule`;return G(`form`,{class:`rule-form`,"aria-label":h,onSubmit:n=>{n.preventDefault();let a=t?Vl(i,t,e.entityName,e.name):Bl(i,e.entityName,e.name);s(a.ok?null:a.error),a.ok&&c(async()=>{let e=t?await yn(a.input):await _n(a.input);r(t?`Saved rule ${e.name}`:`Created rule ${e.name}`)})},children:[G(`h3`,{children:h}),G(`div`,{class:`fields`,children:[f(`name`,`Rule name`,{required:!0}),f(`metric`,`Metric`,{required:!0,placeholder:`loss`}),p(`direction`,`Direction`,Al),p(`comparison`,`Compare with`,jl,Pl),i.comparison===`THRESHOLD`&&f(`threshold`,`Threshold`,{inputMode:`decimal`}),i.comparison===`BASELINE_GROUP`&&f(`baselineFilters`,`Baseline runs`,{class:`wide`,placeholder:`{"tags": "reference"}`}),f(`tolerance`,`Tolerance`,{inputMode:`decimal`,size:6}),p(`toleranceKind`,`Tolerance kind`,Ml),f(`window`,`Window`,{inputMode:`numeric`,size:4}),p(`aggregate`,`Window aggregate`,Nl),f(`warmupSteps`,`Warm-up steps`,{inputMode:`numeric`,size:6}),f(`scope`,`Runs checked`,{class:`wide`,placeholder:`{"config.dataset": "imagenet"} (empty: every run)`}),f(`stallMinutes`,`Stall minutes`,{inputMode:`numeric`,size:4}),m(`detectNonFinite`,`Alert on NaN or ±Infinity`),m(`detectFailed`,`Alert when a run fails or crashes`)]}),G(`div`,{class:`buttons`,children:[G(`button`,{type:`button`,onClick:n,children:`Cancel`}),G(`button`,{type:`submit`,class:`primary`,disabled:u,children:t?`Save rule`:`Create rule`})]}),(o||l)&&G(q,{error:o??l})]})}function eu({page:e,reload:t}){let n=e.alerts.edges.map(e=>e.node),r=e.viewerCanManageRules;return n.length===0?G(`p`,{class:`muted`,children:`No alerts.`}):G(y,{children:[G(`p`,{class:`muted`,"aria-live":`polite`,children:e.alerts.totalCount!==null&&e.alerts.totalCount>n.length?`The newest ${n.length} of ${e.alerts.totalCount} alerts.`:n.length===1?`1 alert.`:`${n.length} alerts.`}),G(`table`,{"aria-label":`Alerts`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Alert`}),G(`th`,{scope:`col`,children:`Severity`}),G(`th`,{scope:`col`,children:`State`}),G(`th`,{scope:`col`,children:`Run`}),G(`th`,{scope:`col`,children:`Rule`}),G(`th`,{scope:`col`,children:`Value`}),G(`th`,{scope:`col`,children:`Raised`}),r&&G(`th`,{scope:`col`,children:`Actions`})]})}),G(`tbody`,{children:n.map(n=>G(tu,{alert:n,page:e,canManage:r,reload:t},n.id))})]})]})}function tu({alert:e,page:t,canManage:n,reload:r}){let[i,a]=R(Jl[0][0]),[o,s,c]=Kn(),l=e.snoozedUntil&&new Date(e.snoozedUntil).getTime()>Date.now();return G(`tr`,{class:`alert severity-${e.severity.toLowerCase()}`,children:[G(`th`,{scope:`row`,class:`wrap`,children:[e.title,e.text&&G(`div`,{class:`muted`,children:e.text}),s&&G(q,{error:s})]}),G(`td`,{children:e.severity}),G(`td`,{children:[e.state.toLowerCase(),l&&G(`div`,{class:`muted`,children:[`snoozed until `,Wn(e.snoozedUntil)]})]}),G(`td`,{children:e.run?G(K,{href:jn(t.entityName,t.name,e.run.name),children:e.run.displayName||e.run.name}):``}),G(`td`,{children:e.rule?.name??(e.kind===`CLIENT`?`raised by the run`:e.kind.toLowerCase())}),G(`td`,{children:[e.value!==null&&nu(e.value),e.baselineValue!==null&&G(`span`,{class:`muted`,children:[` vs `,nu(e.baselineValue)]}),e.step!==null&&G(`div`,{class:`muted`,children:[`step `,e.step]})]}),G(`td`,{children:Wn(e.createdAt)}),n&&G(`td`,{children:[e.state===`OPEN`&&G(`button`,{type:`button`,"aria-label":`Acknowledge ${e.title}`,disabled:c,onClick:()=>o(async()=>(await Cn(e.id),r())),children:`Acknowledge`}),` `,e.state!==`RESOLVED`&&G(`span`,{class:`snooze`,children:[G(`select`,{"aria-label":`Snooze ${e.title} for`,value:i,onChange:e=>a(Number(e.currentTarget.value)),children:Jl.map(([e,t])=>G(`option`,{value:e,children:t},e))}),` `,G(`button`,{type:`button`,"aria-label":`Snooze ${e.title}`,disabled:c,onClick:()=>o(async()=>(await Tn(e.id,i),r())),children:`Snooze`})]})]})]})}function nu(e){return Number.isInteger(e)?String(e):e.toPrecision(4)}var ru=34;function iu({entity:e,project:t,view:n,viewer:r}){Un(`${e}/${t}`);let[i,a]=Bn(()=>rt(e,t),[e,t]);return G(J,{loaded:i,children:e=>G(au,{info:e,view:n,viewer:r,reloadInfo:a})})}function au({info:e,view:t,viewer:n,reloadInfo:r}){let[i,a]=R(``),[o,s]=R(`-created_at`),c=Vr(i),l=c.ok&&c.value?JSON.stringify(c.value):null,u=ui(e.entityName,e.name,l,o),d=e.viewerCanEditRuns,f=[`workspace`,`table`,`compare`,`artifacts`,`alerts`],p=t!==`artifacts`&&t!==`alerts`,m=(n,r)=>G(`button`,{type:`button`,role:`tab`,id:`tab-${n}`,"aria-selected":t===n,"aria-controls":`panel-${n}`,tabIndex:t===n?0:-1,onClick:()=>Fn(An(e.entityName,e.name,n),!0),onKeyDown:t=>{if(t.key===`ArrowRight`||t.key===`ArrowLeft`){let r=f[(f.indexOf(n)+(t.key===`ArrowRight`?1:f.length-1))%f.length];Fn(An(e.entityName,e.name,r),!0),requestAnimationFrame(()=>document.getElementById(`tab-${r}`)?.focus())}},children:r});return G(y,{children:[G(`p`,{class:`crumbs`,children:[G(K,{href:`/${e.entityName}`,children:e.entityName}),` /`]}),G(`h1`,{children:[e.name,` `,G(`span`,{class:`badge`,children:Ye[e.access]??e.access})]}),e.entity.isTeam&&G(`p`,{children:G(K,{href:`/teams/${e.entityName}`,children:`Team settings`})}),G(`div`,{role:`tablist`,"aria-label":`Project views`,children:[m(`workspace`,`Workspace`),m(`table`,`Table`),m(`compare`,`Compare`),m(`artifacts`,`Artifacts`),m(`alerts`,`Alerts`)]}),p&&G(ou,{text:i,onApply:a,error:c.ok?null:c.error,columns:Kr(u.runs)}),p&&u.error&&G(q,{error:u.error}),G(`section`,{role:`tabpanel`,id:`panel-${t}`,"aria-labelledby":`tab-${t}`,children:t===`artifacts`?G(kl,{entity:e.entityName,project:e.name}):t===`alerts`?G(Zl,{entity:e.entityName,project:e.name}):t===`table`?G(su,{info:e,runs:u,order:o,onOrder:s,filterText:l,canEditRuns:d,viewer:n,reloadInfo:r}):G(t===`compare`?Ol:Sl,{info:e,runs:u.runs})})]})}function ou({text:e,onApply:t,error:n,columns:r}){let[i,a]=R(e),[o,s]=R(`state`),[c,l]=R(`=`),[u,d]=R(``),[f,p]=R(null);z(()=>a(e),[e]);let m=[`state`,`displayName`,`name`,`tags`,`username`,...r.map(e=>e.key)];return G(`div`,{class:`filters`,children:[G(`form`,{onSubmit:e=>{e.preventDefault(),t(i)},children:[G(`label`,{children:[`Filter`,` `,G(`input`,{class:`wide`,value:i,placeholder:`{"state": "finished"}`,onInput:e=>a(e.currentTarget.value),"aria-describedby":`filter-help`})]}),` `,G(`button`,{type:`submit`,children:`Apply filter`}),` `,G(`button`,{type:`button`,onClick:()=>t(``),disabled:!e,children:`Clear filter`}),G(`span`,{id:`filter-help`,class:`muted`,children:[` `,`MongoDB-style JSON, as the wandb public API sends it`]})]}),G(`form`,{class:`builder`,onSubmit:e=>{e.preventDefault();try{t(Hr(i,{key:o,op:c,value:u})),p(null),d(``)}catch(e){p(e.message)}},children:[G(`label`,{children:[`Filter key`,` `,G(`select`,{value:o,onChange:e=>s(e.currentTarget.value),children:m.map(e=>G(`option`,{children:e},e))})]}),` `,G(`label`,{children:[`Comparison`,` `,G(`select`,{value:c,onChange:e=>l(e.currentTarget.value),children:Pr.map(e=>G(`option`,{children:e},e))})]}),` `,G(`label`,{children:[`Filter value `,G(`input`,{value:u,onInput:e=>d(e.currentTarget.value)})]}),` `,G(`button`,{type:`submit`,children:`Add filter`})]}),(n||f)&&G(q,{error:n??f})]})}function su({info:e,runs:t,order:n,onOrder:r,filterText:i,canEditRuns:a,viewer:o,reloadInfo:s}){let[c,l]=R(ni),[u,d]=R({...Zr,hidden:[`heartbeat_at`,`group`,`jobType`]}),[f,p]=R(!1),[m,h]=R(null),[g,_,v]=Kn(),[b,x]=R(!1);z(()=>l(ni),[i]);let S=Se(()=>[...Wr,...Kr(t.runs)],[t.runs]),C=Qr(S,u),w=t.total??0,T=oi(c,w),E=i?JSON.parse(i):null,D=a&&e.access!==`RESTRICTED`,O=!c.all&&c.names.size===1?[...c.names][0]:null,k=e=>{l(ni),h(e),t.reload(),s()},A=xe(null);return z(()=>{A.current&&(A.current.indeterminate=T>0&&T<w)},[T,w]),G(y,{children:[G(`div`,{class:`toolbar`,role:`toolbar`,"aria-label":`Selected runs`,children:[G(`span`,{"aria-live":`polite`,children:[t.total===null?``:qn(w),T>0&&` · ${T} selected${c.all?` (every run matching the filter)`:``}`]}),D&&G(`button`,{type:`button`,disabled:T===0,onClick:()=>p(!0),children:`Move`}),D&&G(`button`,{type:`button`,disabled:T===0||v,onClick:()=>confirm(`Delete ${qn(T)} with their history and files? This cannot be undone.`)&&g(async()=>k(`Deleted ${qn(await lt(e.entityName,e.name,si(c,E)))}`)),children:`Delete`}),a&&G(`button`,{type:`button`,disabled:T===0||v,onClick:()=>x(!0),children:`Edit tags`}),e.viewerCanSetBaseline&&O&&G(`button`,{type:`button`,disabled:v,onClick:()=>g(async()=>(await pt(e.entityName,e.name,O),k(`Baseline set`))),children:`Mark as baseline`}),G(du,{all:S,layout:u,onLayout:d})]}),m&&G(`p`,{role:`status`,class:`ok`,children:m}),_&&G(q,{error:_}),G(cu,{info:e,runs:t,columns:C,order:n,onOrder:r,selection:c,onSelection:l,allBox:A,allChecked:c.all&&c.names.size===0&&w>0}),b&&G(mi,{info:e,count:T,selection:si(c,E),knownTags:li(c,t.runs),onClose:()=>x(!1),onDone:e=>{x(!1),k(`Changed the tags of ${qn(e)}`)}}),f&&G(pi,{info:e,viewer:o,count:T,selection:si(c,E),onClose:()=>p(!1),onMoved:(e,t)=>{p(!1),k(`Moved ${qn(e)} to ${t}`)}})]})}function cu({info:e,runs:t,columns:n,order:r,onOrder:i,selection:a,onSelection:o,allBox:s,allChecked:c}){let l=xe(null),[,u]=be(e=>e+1,0),d={count:t.runs.length,getScrollElement:()=>l.current,estimateSize:()=>ru,overscan:15,observeElementRect:br,observeElementOffset:wr,scrollToFn:Er,onChange:()=>u(0)},f=Se(()=>new Ar(d),[]);f.setOptions(d),B(()=>f._didMount(),[]),B(()=>f._willUpdate());let p=f.getVirtualItems(),m=p[p.length-1];z(()=>{t.hasNext&&!t.loading&&(!m||m.index>=t.runs.length-30)&&t.loadMore()},[m?.index,t.hasNext,t.loading,t.runs.length]);let h=p.length?p[0].start:0,g=p.length?f.getTotalSize()-p[p.length-1].end:0,_=e.baselineRun?.name,v=n.length+2;return G(`div`,{class:`runs-scroll`,ref:l,tabIndex:0,role:`region`,"aria-label":`Runs table, scrollable`,children:[G(`table`,{"aria-label":`Runs`,"aria-rowcount":(t.total??t.runs.length)+1,class:`runs`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,class:`select`,children:G(`input`,{type:`checkbox`,ref:s,"aria-label":`Select all runs`,checked:c,onChange:e=>o(e.currentTarget.checked?ri:ni)})}),G(lu,{column:{key:`display_name`,label:`Name`},order:r,onOrder:i}),n.map(e=>G(lu,{column:e,order:r,onOrder:i},e.key))]})}),G(`tbody`,{children:[h>0&&G(`tr`,{style:{height:`${h}px`},"aria-hidden":`true`,children:G(`td`,{colSpan:v})}),p.map(r=>{let i=t.runs[r.index];return G(uu,{run:i,index:r.index,info:e,columns:n,selected:ii(a,i.name),onToggle:()=>o(ai(a,i.name)),baseline:i.name===_},i.id)}),g>0&&G(`tr`,{style:{height:`${g}px`},"aria-hidden":`true`,children:G(`td`,{colSpan:v})})]})]}),t.loading&&G(`p`,{class:`muted`,children:`Loading runs…`}),!t.loading&&t.runs.length===0&&G(`p`,{class:`muted`,children:`No runs match.`})]})}function lu({column:e,order:t,onOrder:n}){let r=Xr(t,e.key);if(e.sortable===!1)return G(`th`,{scope:`col`,title:e.key,children:e.label});let i=e.key.startsWith(`config.`)?`config`:e.key.startsWith(`summary_metrics.`)?`summary`:``;return G(`th`,{scope:`col`,"aria-sort":r,title:e.key,children:G(`button`,{type:`button`,class:`sort`,onClick:()=>n(Yr(t,e.key)),"aria-label":`Sort by ${e.label}${i?` (${i})`:``}`,children:[i&&G(`span`,{class:`group`,children:i}),e.label,r===`ascending`?` ▲`:r===`descending`?` ▼`:``]})})}function uu({run:e,index:t,info:n,columns:r,selected:i,onToggle:a,baseline:o}){let s=e.displayName||e.name;return G(`tr`,{"aria-rowindex":t+2,"aria-selected":i,class:i?`selected`:void 0,children:[G(`td`,{class:`select`,children:G(`input`,{type:`checkbox`,"aria-label":s,checked:i,onChange:a})}),G(`th`,{scope:`row`,children:[G(K,{href:jn(n.entityName,n.name,e.name),children:s}),o&&G(`span`,{class:`badge`,children:`baseline`})]}),r.map(t=>G(`td`,{class:t.key===`state`?`state ${e.state}`:void 0,children:Jr(t.key===`created_at`||t.key===`heartbeat_at`?Wn(qr(e,t.key)):qr(e,t.key))},t.key))]})}function du({all:e,layout:t,onLayout:n}){return G(`details`,{class:`columns`,children:[G(`summary`,{children:`Columns`}),G(`ul`,{children:e.map(r=>{let i=!t.hidden.includes(r.key),a=t.pinned.includes(r.key);return G(`li`,{children:[G(`label`,{children:[G(`input`,{type:`checkbox`,checked:i,onChange:()=>n($r(t,r.key))}),` `,r.key]}),` `,G(`button`,{type:`button`,"aria-pressed":a,"aria-label":`Pin ${r.key}`,onClick:()=>n(ei(t,r.key)),children:`📌`}),G(`button`,{type:`button`,"aria-label":`Shift ${r.key} left`,disabled:!i,onClick:()=>n(ti(e,t,r.key,-1)),children:`←`}),G(`button`,{type:`button`,"aria-label":`Shift ${r.key} right`,disabled:!i,onClick:()=>n(ti(e,t,r.key,1)),children:`→`})]},r.key)})})]})}var fu=1e3;function pu(e,t,n,r){let i=[];if(t<e||n===0)return i;for(let a=Math.floor(e/fu);a<=Math.floor(Math.min(t,n-1)/fu);a++){let e=Math.min((a+1)*fu,n);(r.get(a)??a*1e3)<e&&i.push(a)}return i}var mu=18,hu=2e3;function gu({entity:e,project:t,run:n,state:r,lineCount:i}){let a=xe(new Map),o=xe(new Map),s=xe(new Set),[c,l]=R(i),[u,d]=R(r),[f,p]=R(r===`running`),[m,h]=R(null),[,g]=be(e=>e+1,0),_=xe(null),v=u===`running`,b={count:c,getScrollElement:()=>_.current,estimateSize:()=>mu,overscan:30,observeElementRect:br,observeElementOffset:wr,scrollToFn:Er,onChange:()=>g(0)},x=Se(()=>new Ar(b),[]);x.setOptions(b),B(()=>x._didMount(),[]),B(()=>x._willUpdate());function S(e,t,n){for(let t of e.lines)a.current.set(t.offset,t.text);let r=e.lines.length?e.lines[e.lines.length-1].offset+1:0,i=e.lines.length<n?Math.max(e.lineCount,r):r;for(let e=Math.floor((t+1)/fu);e*fu<i;e++){let t=Math.min((e+1)*fu,i);o.current.set(e,Math.max(o.current.get(e)??0,t))}l(t=>Math.max(t,e.lineCount,r)),d(e.state)}let C=e=>(o.current.get(Math.floor(e/1e3))??0)>e;async function w(r){if(!s.current.has(r)){s.current.add(r);try{let i=await yt(e,t,n,r*fu-1,fu);i&&S(i,r*fu-1,fu)}catch(e){h(e.message)}finally{s.current.delete(r),g(0)}}}let T=x.getVirtualItems(),E=T.length?T[0].index:0,D=T.length?T[T.length-1].index:-1;z(()=>{for(let e of pu(E,D,c,o.current))w(e)},[E,D,c]),z(()=>{if(!v)return;let r=!0,i=setInterval(async()=>{let i=Math.max(-1,c-2);try{let a=await yt(e,t,n,i,fu);r&&a&&S(a,i,fu)}catch(e){r&&h(e.message)}},hu);return()=>{r=!1,clearInterval(i)}},[v,c]),z(()=>{f&&c>0&&x.scrollToIndex(c-1,{align:`end`})},[f,c]);function O(){let e=_.current;if(!e||!v)return;let t=e.scrollTop+e.clientHeight>=e.scrollHeight-36;t!==f&&p(t)}return G(y,{children:[G(`p`,{class:`log-bar`,children:[G(`span`,{"aria-live":`polite`,children:[c.toLocaleString(),` `,c===1?`line`:`lines`,v?` · the run is running`:``]}),` `,v&&G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:f,onChange:e=>p(e.currentTarget.checked)}),` Follow the log`]})]}),m&&G(q,{error:m}),c===0?G(`p`,{class:`muted`,children:v?`No console output yet.`:`No console output was recorded.`}):G(`div`,{class:`log`,ref:_,onScroll:O,role:`region`,"aria-label":`Console output`,tabIndex:0,children:G(`div`,{style:{height:`${x.getTotalSize()}px`,position:`relative`},children:T.map(e=>{let t=a.current.get(e.index);return G(`div`,{class:`log-line`,"data-offset":e.index,style:{transform:`translateY(${e.start}px)`,height:`${mu}px`},children:[G(`span`,{class:`log-no`,"aria-hidden":`true`,children:e.index+1}),t===void 0?C(e.index)?``:G(`span`,{class:`muted`,children:`…`}):G(`span`,{children:t})]},e.index)})})})]})}function _u(e,t=[]){return e?e.length>128?`An alias has at most 128 characters.`:[...e].some(e=>e===`/`||e===`:`||e.charCodeAt(0)<32)?`An alias cannot hold '/' or ':'.`:e===`latest`||/^v\d+$/.test(e)?`"${e}" is reserved: the server sets latest and vN.`:t.includes(e)?`This version already has the alias "${e}".`:null:`Type an alias.`}function vu(e){return e===`latest`||/^v\d+$/.test(e)}function yu(e,t){let n=[...new Set(e.filter(e=>!e.artifactCollection||e.artifactCollection.name===t).map(e=>e.alias))],r=e=>/^v\d+$/.test(e)?0:e===`latest`?1:2;return n.sort((e,t)=>r(e)-r(t)||e.localeCompare(t))}function bu(e,t){return yu(e,t).filter(e=>!vu(e))}function xu(e,t){return`${e}:${t===null?`pending`:`v${t}`}`}function Su(e){if(!e)return[];let t;try{t=JSON.parse(e)}catch{return[[`(metadata)`,e]]}return typeof t!=`object`||!t||Array.isArray(t)?[[`(metadata)`,JSON.stringify(t)]]:Object.entries(t).sort(([e],[t])=>e.localeCompare(t)).map(([e,t])=>[e,typeof t==`string`?t:JSON.stringify(t)])}function Cu(e,t,n,r){return`run.use_artifact("${e}/${t}/${n}:${r}")`}function wu({entity:e,project:t,type:n,collection:r}){return G(`nav`,{"aria-label":`Breadcrumbs`,children:G(`p`,{class:`crumbs`,children:[G(K,{href:`/${encodeURIComponent(e)}`,children:e}),` / `,G(K,{href:An(e,t),children:t}),` /`,` `,G(K,{href:An(e,t,`artifacts`),children:`artifacts`}),` / `,n,` /`,` `,r&&G(K,{href:Mn(e,t,n,r),children:r})]})})}function Tu({aliases:e}){return e.length===0?null:G(`ul`,{class:`aliases`,"aria-label":`Aliases`,children:e.map(e=>G(`li`,{class:e===`latest`||/^v\d+$/.test(e)?`tag`:`badge`,children:e},e))})}function Eu({creator:e,fallbackEntity:t,fallbackProject:n}){return e?e.__typename===`User`?G(`span`,{children:e.username}):G(K,{href:jn(e.project?.entityName??t,e.project?.name??n,e.name),children:e.displayName||e.name}):G(`span`,{class:`muted`,children:`not known (or not visible to you)`})}function Du({entity:e,project:t,run:n}){let[r]=Bn(()=>en(e,t,n),[e,t,n]);return G(`section`,{"aria-labelledby":`artifacts-heading`,children:[G(`h2`,{id:`artifacts-heading`,children:`Artifacts`}),r.state===`loading`?G(Hn,{}):r.state===`failed`?G(q,{error:r.error}):G(`div`,{class:`two`,children:[G(Ou,{title:`Output artifacts`,empty:`The run logged no artifacts.`,rows:r.value?.outputs??[],entity:e,project:t}),G(Ou,{title:`Input artifacts`,empty:`The run used no artifacts.`,rows:r.value?.inputs??[],entity:e,project:t})]})]})}function Ou({title:e,empty:t,rows:n,entity:r,project:i}){return G(`div`,{children:[G(`h3`,{children:e}),n.length===0?G(`p`,{class:`muted`,children:t}):G(`table`,{"aria-label":e,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Name`}),G(`th`,{scope:`col`,children:`Type`}),G(`th`,{scope:`col`,children:`Aliases`})]})}),G(`tbody`,{children:n.map(e=>{let t=e.artifactSequence.name,n=e.artifactSequence.project,a=n?.entityName??r,o=n?.name??i,s=e.versionIndex===null?`latest`:`v${e.versionIndex}`,c=a!==r||o!==i;return G(`tr`,{children:[G(`th`,{scope:`row`,children:[G(K,{href:Nn(a,o,e.artifactType.name,t,s),children:xu(t,e.versionIndex)}),c&&G(`span`,{class:`muted`,children:[` in `,a,`/`,o]})]}),G(`td`,{children:e.artifactType.name}),G(`td`,{children:G(Tu,{aliases:yu(e.aliases,t).filter(e=>e!==s)})})]},e.id)})})]})]})}var ku=60;function Au({entity:e,project:t,run:n}){Un(`${n} · ${e}/${t}`);let[r]=Bn(()=>_t(e,t,n),[e,t,n]);return G(J,{loaded:r,children:n=>G(Mu,{entity:e,project:t,run:n})})}function ju(e){let t=Math.max(0,(new Date(e.heartbeatAt).getTime()-new Date(e.createdAt).getTime())/1e3);return t<60?`${t.toFixed(0)} s`:t<3600?`${(t/60).toFixed(1)} min`:`${(t/3600).toFixed(1)} h`}function Mu({entity:e,project:t,run:n}){let r=Se(()=>JSON.parse(n.config),[n.config]),i=Se(()=>JSON.parse(n.summaryMetrics),[n.summaryMetrics]),a=n.files.edges.map(e=>e.node),o=a.find(e=>e.name===`diff.patch`),s=a.find(e=>e.name===`output.log`),c=Object.entries(n.historyKeys?.keys??{}).filter(([e,t])=>!e.startsWith(`_`)&&t.typeCounts.some(e=>e.type===`number`)).map(([e])=>e).sort().slice(0,ku),l=Object.keys(r).filter(e=>e!==`_wandb`).sort(),u=Object.keys(i).filter(e=>!e.startsWith(`_`)).sort();return G(y,{children:[G(`p`,{class:`crumbs`,children:[G(K,{href:`/${e}`,children:e}),` / `,G(K,{href:An(e,t),children:t}),` / runs /`]}),G(`h1`,{children:n.displayName||n.name}),G(`dl`,{class:`facts`,"aria-label":`Run overview`,children:[G(`dt`,{children:`State`}),G(`dd`,{class:`state ${n.state}`,children:n.state}),G(`dt`,{children:`Run id`}),G(`dd`,{children:n.name}),G(`dt`,{children:`User`}),G(`dd`,{children:[n.user?.username??``,n.serviceAccount&&` (via service account ${n.serviceAccount.username})`]}),G(`dt`,{children:`Host`}),G(`dd`,{children:n.host??``}),G(`dt`,{children:`Started`}),G(`dd`,{children:Wn(n.createdAt)}),G(`dt`,{children:`Duration`}),G(`dd`,{children:ju(n)}),G(`dt`,{children:`Command`}),G(`dd`,{children:G(`code`,{children:n.program??``})}),G(`dt`,{children:`Exit code`}),G(`dd`,{children:n.exitCode??``}),G(`dt`,{children:`Git commit`}),G(`dd`,{children:G(`code`,{children:n.commit??``})}),G(`dt`,{children:`Git remote`}),G(`dd`,{children:n.gitRemote??``}),G(`dt`,{children:`Tags`}),G(`dd`,{children:n.tags.join(`, `)})]}),n.notes&&G(`p`,{children:n.notes}),G(`section`,{"aria-labelledby":`charts-heading`,children:[G(`h2`,{id:`charts-heading`,children:`Charts`}),G(Pu,{entity:e,project:t,run:n.name,metrics:c})]}),G(`section`,{"aria-labelledby":`system-heading`,children:[G(`h2`,{id:`system-heading`,children:`System metrics`}),G(Lu,{entity:e,project:t,run:n.name})]}),G(`div`,{class:`two`,children:[G(Nu,{title:`Config`,keys:l,value:e=>Gr(r,e)}),G(Nu,{title:`Summary`,keys:u,value:e=>i[e]})]}),n.alerts.length>0&&G(`section`,{"aria-labelledby":`alerts-heading`,children:[G(`h2`,{id:`alerts-heading`,children:`Alerts`}),G(`ul`,{children:n.alerts.map(e=>G(`li`,{children:[G(`strong`,{children:e.severity}),` `,e.title,`: `,e.text,` `,G(`span`,{class:`muted`,children:Wn(e.createdAt)})]},e.id))})]}),G(Du,{entity:e,project:t,run:n.name}),G(`section`,{"aria-labelledby":`diff-heading`,children:[G(`h2`,{id:`diff-heading`,children:`Git diff`}),o?G(Fu,{url:o.directUrl}):G(`p`,{class:`muted`,children:`No uncommitted changes were saved with this run.`})]}),G(`section`,{"aria-labelledby":`console-heading`,children:[G(`h2`,{id:`console-heading`,children:`Console log`}),G(gu,{entity:e,project:t,run:n.name,state:n.state,lineCount:n.logLineCount}),s&&G(`p`,{children:[G(`a`,{href:s.directUrl,download:`output.log`,children:`Download output.log`}),` `,G(`span`,{class:`muted`,children:[`(`,Gn(s.sizeBytes),`)`]})]})]}),G(`section`,{"aria-labelledby":`files-heading`,children:[G(`h2`,{id:`files-heading`,children:`Files`}),G(`table`,{"aria-label":`Files`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Name`}),G(`th`,{scope:`col`,children:`Size`}),G(`th`,{scope:`col`,children:`Updated`})]})}),G(`tbody`,{children:a.map(e=>G(`tr`,{children:[G(`td`,{children:G(`a`,{href:e.directUrl,download:e.name.split(`/`).pop(),children:e.name})}),G(`td`,{children:Gn(e.sizeBytes)}),G(`td`,{children:Wn(e.updatedAt)})]},e.name))})]})]})]})}function Nu({title:e,keys:t,value:n}){let r=`${e.toLowerCase()}-heading`;return G(`section`,{"aria-labelledby":r,children:[G(`h2`,{id:r,children:e}),G(`table`,{"aria-label":e,children:G(`tbody`,{children:t.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,children:e}),G(`td`,{children:Jr(n(e))})]},e))})}),t.length===0&&G(`p`,{class:`muted`,children:`None.`})]})}function Pu({entity:e,project:t,run:n,metrics:r}){let[i]=Bn(()=>ht(e,t,[n],r,1e3),[e,t,n,r.join(`,`)]);if(r.length===0)return G(`p`,{class:`muted`,children:`No metrics logged.`});if(i.state===`loading`)return G(Hn,{});if(i.state===`failed`)return G(q,{error:i.error});let a=i.value[n]??[];return G(`div`,{class:`charts`,children:r.map((e,t)=>G(_l,{title:e,series:[{label:n,points:xl(a[t]??[],e,`_step`)}],xLabel:`step`},e))})}function Fu({url:e}){let[t]=Bn(()=>fetch(e).then(e=>e.ok?e.text():Promise.reject(Error(`the diff could not be read (${e.status})`))),[e]);return t.state===`loading`?G(Hn,{}):t.state===`failed`?G(q,{error:t.error}):G(`pre`,{class:`diff`,"aria-label":`Uncommitted changes`,tabIndex:0,children:t.value.split(`
`).map((e,t)=>G(`span`,{class:e.startsWith(`+`)?`add`:e.startsWith(`-`)?`del`:void 0,children:e+`
`},t))})}var Iu=12;function Lu({entity:e,project:t,run:n}){let[r]=Bn(()=>Zt(e,t,n),[e,t,n]);if(r.state===`loading`)return G(Hn,{});if(r.state===`failed`)return G(q,{error:r.error});let i=r.value,a=[...new Set(i.flatMap(e=>Object.keys(e).filter(t=>!t.startsWith(`_`)&&typeof e[t]==`number`)))].sort().slice(0,Iu);if(a.length===0)return G(`p`,{class:`muted`,children:`No system metrics were recorded.`});let o=i.some(e=>typeof e._runtime==`number`)?`_runtime`:`_timestamp`;return G(`div`,{class:`charts`,children:a.map(e=>G(_l,{title:e,series:[{label:e,points:xl(i,e,o)}],xLabel:o===`_runtime`?`seconds`:`time`,height:160},e))})}function Ru({entity:e,project:t,type:n,collection:r}){Un(`${r} · ${e}/${t} artifacts`);let[i]=Bn(async()=>{let i=await an(e,t,n,r);return i?.collection?i:null},[e,t,n,r]);return G(J,{loaded:i,children:r=>G(zu,{entity:e,project:t,type:n,page:r})})}function zu({entity:e,project:t,type:n,page:r}){let i=r.collection,[a,o]=R(i.artifacts.edges),[s,c]=R(i.artifacts.pageInfo.hasNextPage?i.artifacts.pageInfo.endCursor:null),[l,u,d]=Kn();z(()=>{o(i.artifacts.edges),c(i.artifacts.pageInfo.hasNextPage?i.artifacts.pageInfo.endCursor:null)},[i]);let f=i.artifacts.totalCount;return G(y,{children:[G(wu,{entity:e,project:t,type:n}),G(`h1`,{children:[i.name,` `,G(`span`,{class:`badge`,children:n}),i.__typename===`ArtifactPortfolio`&&G(`span`,{class:`badge`,children:`portfolio`})]}),i.description&&G(`p`,{children:i.description}),G(`p`,{class:`muted`,children:[f===1?`1 version`:`${f} versions`,` · created `,Wn(i.createdAt)]}),G(`table`,{"aria-label":`Versions`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Version`}),G(`th`,{scope:`col`,children:`Aliases`}),G(`th`,{scope:`col`,children:`Created`}),G(`th`,{scope:`col`,children:`Size`}),G(`th`,{scope:`col`,children:`Files`}),G(`th`,{scope:`col`,children:`Created by`})]})}),G(`tbody`,{children:a.map(({version:r,node:a})=>G(`tr`,{children:[G(`th`,{scope:`row`,children:G(K,{href:Nn(e,t,n,i.name,r),children:r})}),G(`td`,{children:G(Tu,{aliases:yu(a.aliases,i.name).filter(e=>e!==r)})}),G(`td`,{children:Wn(a.createdAt)}),G(`td`,{children:Gn(a.size)}),G(`td`,{children:a.fileCount}),G(`td`,{children:G(Eu,{creator:a.createdBy,fallbackEntity:e,fallbackProject:t})})]},a.id))})]}),a.length===0&&G(`p`,{class:`muted`,children:`No committed versions.`}),s&&G(`p`,{children:G(`button`,{type:`button`,disabled:d,onClick:()=>l(async()=>{let r=(await an(e,t,n,i.name,s))?.collection?.artifacts;if(!r)throw Error(`the collection is gone`);o(e=>[...e,...r.edges]),c(r.pageInfo.hasNextPage?r.pageInfo.endCursor:null)}),children:`Show more versions`})}),u&&G(q,{error:u})]})}function Bu(e){let{entity:t,project:n,type:r,collection:i,version:a}=e;Un(`${i}:${a} · ${t}/${n}`);let[o,s]=Bn(async()=>{let e=await sn(t,n,r,i,a);return e?.artifact?{project:e.project,artifact:e.artifact}:null},[t,n,r,i,a]);return G(J,{loaded:o,children:t=>G(Vu,{...e,info:t.project,artifact:t.artifact,reload:s})})}function Vu({entity:e,project:t,type:n,collection:r,version:i,info:a,artifact:o,reload:s}){let c=xu(r,o.versionIndex),l=a.viewerCanWriteArtifacts,u=Su(o.metadata),d=o.versionIndex===null?`latest`:`v${o.versionIndex}`;return G(y,{children:[G(wu,{entity:e,project:t,type:n,collection:r}),G(`h1`,{children:[c,` `,G(`span`,{class:`badge`,children:o.artifactType.name})]}),o.description&&G(`p`,{children:o.description}),G(`dl`,{class:`facts`,"aria-label":`Version overview`,children:[G(`dt`,{children:`Version`}),G(`dd`,{children:d}),G(`dt`,{children:`State`}),G(`dd`,{children:o.state}),G(`dt`,{children:`Created`}),G(`dd`,{children:Wn(o.createdAt)}),G(`dt`,{children:`Size`}),G(`dd`,{children:[Gn(o.size),` in `,o.fileCount===1?`1 file`:`${o.fileCount} files`]}),G(`dt`,{children:`Digest`}),G(`dd`,{children:[G(`code`,{children:o.digest}),` `,G(`span`,{class:`muted`,children:[`(`,o.digestAlgorithm,`)`]})]}),G(`dt`,{children:`Expires`}),G(`dd`,{children:o.ttlDurationSeconds<0?`never`:`${Math.round(o.ttlDurationSeconds/86400)} days after creation`}),G(`dt`,{children:`Use it`}),G(`dd`,{children:G(`code`,{children:Cu(e,t,r,d)})})]}),G(Hu,{artifact:o,entity:e,project:t,collection:r,canWrite:l,reload:a=>a===i?Fn(Nn(e,t,n,r,d),!0):s()}),G(`section`,{"aria-labelledby":`metadata-heading`,children:[G(`h2`,{id:`metadata-heading`,children:`Metadata`}),u.length===0?G(`p`,{class:`muted`,children:`None.`}):G(`table`,{"aria-label":`Metadata`,children:G(`tbody`,{children:u.map(([e,t])=>G(`tr`,{children:[G(`th`,{scope:`row`,children:e}),G(`td`,{children:t})]},e))})})]}),G(Uu,{artifact:o}),G(`section`,{"aria-labelledby":`lineage-heading`,children:[G(`h2`,{id:`lineage-heading`,children:`Lineage`}),G(`dl`,{class:`facts`,"aria-label":`Lineage`,children:[G(`dt`,{children:`Created by`}),G(`dd`,{children:G(Eu,{creator:o.createdBy,fallbackEntity:e,fallbackProject:t})}),G(`dt`,{children:`Used by`}),G(`dd`,{children:o.usedBy.edges.length===0?G(`span`,{class:`muted`,children:`no run yet`}):G(`ul`,{class:`inline-list`,"aria-label":`Runs that used this version`,children:o.usedBy.edges.map(({node:n})=>G(`li`,{children:G(K,{href:jn(n.project?.entityName??e,n.project?.name??t,n.name),children:n.displayName||n.name})},`${n.project?.entityName}/${n.project?.name}/${n.name}`))})})]})]})]})}function Hu({artifact:e,entity:t,project:n,collection:r,canWrite:i,reload:a}){let[o,s]=R(``),[c,l]=R(null),[u,d]=R(null),[f,p,m]=Kn(),h=yu([...e.versionIndex===null?[]:[{alias:`v${e.versionIndex}`,artifactCollection:{name:r}}],...e.aliases],r),g=bu(e.aliases,r),_={entityName:t,projectName:n,artifactCollectionName:r};return G(`section`,{"aria-labelledby":`aliases-heading`,children:[G(`h2`,{id:`aliases-heading`,children:`Aliases`}),!i&&(h.length?G(Tu,{aliases:h}):G(`p`,{class:`muted`,children:`None.`})),i&&G(y,{children:[G(`ul`,{class:`aliases`,"aria-label":`Aliases`,children:h.map(t=>G(`li`,{class:g.includes(t)?`badge`:`tag`,children:[t,g.includes(t)&&G(`button`,{type:`button`,class:`remove`,"aria-label":`Remove alias ${t}`,disabled:m,onClick:()=>f(async()=>{await pn(e.id,_,t),d(`Removed alias ${t}`),a(t)}),children:`×`})]},t))}),G(`form`,{class:`inline`,onSubmit:t=>{t.preventDefault();let n=o.trim(),r=_u(n,h);l(r),r||f(async()=>{await dn(e.id,_,n),s(``),d(`Added alias ${n}`),a()})},children:[G(`label`,{children:[`New alias `,G(`input`,{value:o,onInput:e=>s(e.currentTarget.value),"aria-describedby":`alias-help`,size:16})]}),` `,G(`button`,{type:`submit`,disabled:m,children:`Add alias`}),G(`span`,{id:`alias-help`,class:`muted`,children:[` `,`An alias moves here from the version holding it; latest and vN are set by the server.`]})]})]}),u&&!p&&!c&&G(`p`,{role:`status`,class:`ok`,children:u}),(c||p)&&G(q,{error:c??p})]})}function Uu({artifact:e}){let[t,n]=R(e.files.edges.map(e=>e.node)),[r,i]=R(e.files.pageInfo.hasNextPage?e.files.pageInfo.endCursor:null),[a,o,s]=Kn();z(()=>{n(e.files.edges.map(e=>e.node)),i(e.files.pageInfo.hasNextPage?e.files.pageInfo.endCursor:null)},[e]);let c=e.files.totalCount??t.length;return G(`section`,{"aria-labelledby":`artifact-files-heading`,children:[G(`h2`,{id:`artifact-files-heading`,children:`Files`}),G(`table`,{"aria-label":`Files`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Name`}),G(`th`,{scope:`col`,children:`Size`}),G(`th`,{scope:`col`,children:`MD5 (base64)`})]})}),G(`tbody`,{children:t.map(e=>G(`tr`,{children:[G(`td`,{children:G(`a`,{href:e.directUrl,download:e.name.split(`/`).pop(),children:e.name})}),G(`td`,{children:Gn(e.sizeBytes)}),G(`td`,{children:G(`code`,{children:e.digest??``})})]},e.id))})]}),t.length===0&&G(`p`,{class:`muted`,children:`No stored files (a version of references lists them in its manifest only).`}),r&&G(`p`,{children:G(`button`,{type:`button`,disabled:s,onClick:()=>a(async()=>{let t=await ln(e.id,r);n(e=>[...e,...t.edges.map(e=>e.node)]),i(t.pageInfo.hasNextPage?t.pageInfo.endCursor:null)}),children:[`Show more files (`,t.length,` of `,c,`)`]})}),o&&G(q,{error:o})]})}var Wu=[`ADMIN`,`MEMBER`,`VIEWER`],Gu=[`PRIVATE`,`RESTRICTED`,`USER_READ`,`USER_WRITE`];function Ku({name:e}){Un(`${e} · Team settings`);let[t,n]=Bn(()=>xt(e).then(e=>e&&e.isTeam&&e.viewerRole?e:null),[e]);return G(J,{loaded:t,children:e=>G(qu,{team:e,reload:n})})}function qu({team:e,reload:t}){let[n,r,i]=Kn(),a=e.viewerCanAdminister,o=e=>n(e).then(e=>e&&t()),s=e.members.filter(e=>!e.pending),c=e.members.filter(e=>e.pending);return G(y,{children:[G(`h1`,{children:[`Team settings: `,G(K,{href:`/${e.name}`,children:e.name})]}),G(`p`,{class:`muted`,children:[`Your role: `,e.viewerRole]}),r&&G(q,{error:r}),G(`section`,{"aria-labelledby":`projects-heading`,children:[G(`h2`,{id:`projects-heading`,children:`Projects`}),G(`table`,{"aria-label":`Projects`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Project`}),G(`th`,{scope:`col`,children:`Privacy`}),a&&G(`th`,{scope:`col`,children:`Change privacy`})]})}),G(`tbody`,{children:e.projects.edges.map(({node:t})=>G(`tr`,{children:[G(`td`,{children:G(K,{href:An(t.entityName,t.name),children:t.name})}),G(`td`,{children:Ye[t.access]??t.access}),a&&G(`td`,{children:G(`select`,{"aria-label":`Privacy of ${t.name}`,value:t.access,disabled:i,onChange:n=>o(()=>Ct(e.name,t.name,n.currentTarget.value)),children:Gu.map(e=>G(`option`,{value:e,children:Ye[e]},e))})})]},t.name))})]}),e.projects.edges.length===0&&G(`p`,{class:`muted`,children:`The team has no projects yet.`})]}),G(`section`,{"aria-labelledby":`members-heading`,children:[G(`h2`,{id:`members-heading`,children:`Members`}),G(`table`,{"aria-label":`Members`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Member`}),G(`th`,{scope:`col`,children:`Email`}),G(`th`,{scope:`col`,children:`Role`}),a&&G(`th`,{scope:`col`,children:G(`span`,{class:`sr-only`,children:`Actions`})})]})}),G(`tbody`,{children:s.map(t=>G(`tr`,{children:[G(`td`,{children:[t.username??t.name,t.accountType===`SERVICE`&&G(`span`,{class:`badge`,children:`service account`})]}),G(`td`,{children:t.email??``}),G(`td`,{children:[a&&t.accountType!==`SERVICE`?G(`select`,{"aria-label":`Role of ${t.username}`,value:t.role,disabled:i,onChange:n=>o(()=>Nt(e.name,t.username,n.currentTarget.value)),children:Wu.map(e=>G(`option`,{children:e},e))}):t.role,t.apiKey&&G(`details`,{children:[G(`summary`,{children:`API key`}),G(`code`,{children:t.apiKey})]})]}),a&&G(`td`,{children:G(`button`,{type:`button`,disabled:i,"aria-label":`Remove ${t.username??t.name}`,onClick:()=>confirm(`Remove ${t.username??t.name} from ${e.name}?`)&&o(()=>kt(t.id)),children:`Remove`})})]},t.id))})]})]}),G(`section`,{"aria-labelledby":`invites-heading`,children:[G(`h2`,{id:`invites-heading`,children:`Invites`}),c.length===0?G(`p`,{class:`muted`,children:`No pending invites.`}):G(`table`,{"aria-label":`Pending invites`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Invited`}),G(`th`,{scope:`col`,children:`Role`}),e.viewerCanInvite&&G(`th`,{scope:`col`,children:G(`span`,{class:`sr-only`,children:`Actions`})})]})}),G(`tbody`,{children:c.map(t=>G(`tr`,{children:[G(`td`,{children:t.username??t.email??t.name}),G(`td`,{children:t.role}),e.viewerCanInvite&&G(`td`,{children:G(`button`,{type:`button`,disabled:i,"aria-label":`Revoke invite of ${t.username??t.email}`,onClick:()=>o(()=>kt(t.id)),children:`Revoke`})})]},t.id))})]}),e.viewerCanInvite&&G(Ju,{team:e.name,onDone:t})]}),a&&G(y,{children:[G(Yu,{team:e.name,onDone:t}),G(`section`,{"aria-labelledby":`defaults-heading`,children:[G(`h2`,{id:`defaults-heading`,children:`Team defaults`}),G(`label`,{children:[`Default privacy of new projects`,` `,G(`select`,{value:e.defaultAccess,disabled:i,onChange:t=>o(()=>Tt({entity:e.name,defaultAccess:t.currentTarget.value})),children:Gu.map(e=>G(`option`,{value:e,children:Ye[e]},e))})]}),G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:e.codeSavingEnabled,disabled:i,onChange:t=>o(()=>Tt({entity:e.name,codeSavingEnabled:t.currentTarget.checked}))}),`Save code and git diffs of runs`]}),G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:!!e.membersCanInvite,disabled:i,onChange:t=>o(()=>Tt({entity:e.name,membersCanInvite:t.currentTarget.checked}))}),`Members may invite`]}),G(`p`,{children:[`Storage region: `,e.storageRegion]})]}),G(Xu,{team:e.name})]})]})}function Ju({team:e,onDone:t}){let[n,r]=R(``),[i,a]=R(`MEMBER`),[o,s,c]=Kn();return G(`form`,{onSubmit:a=>{a.preventDefault(),o(()=>Dt(e,n.trim(),i)).then(e=>e&&(r(``),t()))},children:[G(`label`,{children:[`Invite by username or email `,G(`input`,{value:n,onInput:e=>r(e.currentTarget.value)})]}),` `,G(`label`,{children:[`Role`,` `,G(`select`,{value:i,onChange:e=>a(e.currentTarget.value),children:Wu.map(e=>G(`option`,{children:e},e))})]}),` `,G(`button`,{type:`submit`,disabled:c||!n.trim(),children:`Invite`}),s&&G(q,{error:s})]})}function Yu({team:e,onDone:t}){let[n,r]=R(``),[i,a,o]=Kn();return G(`section`,{"aria-labelledby":`service-heading`,children:[G(`h2`,{id:`service-heading`,children:`Service accounts`}),G(`p`,{class:`muted`,children:`A service account logs runs for the team with its own API key (shown to admins under Members).`}),G(`form`,{onSubmit:a=>{a.preventDefault(),i(()=>Ft(e,n.trim()||`service account`)).then(e=>e&&(r(``),t()))},children:[G(`label`,{children:[`Service account description `,G(`input`,{value:n,onInput:e=>r(e.currentTarget.value)})]}),` `,G(`button`,{type:`submit`,disabled:o,children:`Create service account`}),a&&G(q,{error:a})]})]})}function Xu({team:e}){let[t]=Bn(()=>Lt(e),[e]);return G(`section`,{"aria-labelledby":`audit-heading`,children:[G(`h2`,{id:`audit-heading`,children:`Audit log`}),G(J,{loaded:t,children:e=>G(`table`,{"aria-label":`Audit log`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`When`}),G(`th`,{scope:`col`,children:`Who`}),G(`th`,{scope:`col`,children:`What`})]})}),G(`tbody`,{children:e.map(e=>G(`tr`,{children:[G(`td`,{children:Wn(e.createdAt)}),G(`td`,{children:e.actorUsername??``}),G(`td`,{children:e.action})]},e.id))})]})})]})}function Zu({viewer:e,refreshViewer:t}){Un(`Settings`);let[n,r]=Bn(zt,[]),[i,a,o]=Kn(),[s,c]=R(``),[l,u]=R(null),[d,f]=R(``),p=$e(e),m=p.slice(1);return G(y,{children:[G(`h1`,{children:`Settings`}),G(`section`,{"aria-labelledby":`profile-heading`,children:[G(`h2`,{id:`profile-heading`,children:`Profile`}),G(`dl`,{class:`facts`,children:[G(`dt`,{children:`Username`}),G(`dd`,{children:e.username}),G(`dt`,{children:`Email`}),G(`dd`,{children:e.email??``}),G(`dt`,{children:`Default entity`}),G(`dd`,{"data-testid":`default-entity`,children:e.defaultEntity?.name??e.username})]}),G(`label`,{children:[`Change default entity`,` `,G(`select`,{value:e.defaultEntity?.name??e.username,disabled:o,onChange:e=>i(()=>Gt(e.currentTarget.value)).then(e=>e&&t()),children:p.map(e=>G(`option`,{value:e,children:e},e))})]}),G(`p`,{class:`muted`,children:`New runs go to the default entity when the client names none.`})]}),G(Qu,{}),G($u,{username:e.username}),G(`section`,{"aria-labelledby":`teams-heading`,children:[G(`h2`,{id:`teams-heading`,children:`Teams`}),m.length===0?G(`p`,{class:`muted`,children:`You belong to no team.`}):G(`ul`,{children:m.map(e=>G(`li`,{children:[G(K,{href:`/${e}`,children:e}),` · `,G(K,{href:`/teams/${e}`,children:`Team settings`})]},e))}),G(`form`,{onSubmit:e=>{e.preventDefault(),i(()=>qt(d.trim())).then(e=>e&&(f(``),t()))},children:[G(`label`,{children:[`New team name `,G(`input`,{value:d,onInput:e=>f(e.currentTarget.value)})]}),` `,G(`button`,{type:`submit`,disabled:o||!d.trim(),children:`Create team`})]})]}),G(`section`,{"aria-labelledby":`keys-heading`,children:[G(`h2`,{id:`keys-heading`,children:`API keys`}),G(`form`,{onSubmit:e=>{e.preventDefault(),i(async()=>{u(await Vt(s.trim()||`created in the web app`)),c(``),r()})},children:[G(`label`,{children:[`Key description `,G(`input`,{value:s,onInput:e=>c(e.currentTarget.value)})]}),` `,G(`button`,{type:`submit`,disabled:o,children:`New API key`})]}),l&&G(`p`,{role:`status`,class:`secret`,children:[`Your new key, shown this once: `,G(`code`,{children:l})]}),G(J,{loaded:n,children:e=>G(`table`,{"aria-label":`API keys`,children:[G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Key`}),G(`th`,{scope:`col`,children:`Description`}),G(`th`,{scope:`col`,children:`Created`}),G(`th`,{scope:`col`,children:`Last used`}),G(`th`,{scope:`col`,children:G(`span`,{class:`sr-only`,children:`Actions`})})]})}),G(`tbody`,{children:e.filter(e=>!e.revoked).map(e=>G(`tr`,{children:[G(`td`,{children:G(`code`,{children:[e.name,`…`]})}),G(`td`,{children:e.description??``}),G(`td`,{children:Wn(e.createdAt)}),G(`td`,{children:Wn(e.lastUsedAt)||`never`}),G(`td`,{children:G(`button`,{type:`button`,disabled:o,"aria-label":`Revoke key ${e.name}`,onClick:()=>confirm(`Revoke this key? Clients using it stop working.`)&&i(()=>Ut(e.id)).then(r),children:`Revoke`})})]},e.id))})]})})]}),a&&G(q,{error:a})]})}function Qu(){let[e,t]=R(``),[n,r]=R(``),[i,a]=R(!1),[o,s,c]=Kn();return G(`section`,{"aria-labelledby":`password-heading`,children:[G(`h2`,{id:`password-heading`,children:`Password`}),G(`form`,{onSubmit:i=>{i.preventDefault(),a(!1),o(()=>Ve(e,n)).then(e=>e&&(t(``),r(``),a(!0)))},children:[G(`label`,{children:[`Current password `,G(`input`,{type:`password`,autoComplete:`current-password`,value:e,onInput:e=>t(e.currentTarget.value)})]}),` `,G(`label`,{children:[`New password `,G(`input`,{type:`password`,autoComplete:`new-password`,minLength:8,value:n,onInput:e=>r(e.currentTarget.value)})]}),` `,G(`button`,{type:`submit`,disabled:c||n.length===0,children:`Change password`})]}),i&&G(`p`,{role:`status`,class:`ok`,children:`Password changed; your other browsers were signed out.`}),s&&G(q,{error:s})]})}function $u({username:e}){let[t,n]=Bn(()=>$t(e),[e]),[r,i,a]=Kn(),o=t=>r(()=>Tt({entity:e,...t})).then(e=>e&&n());return G(`section`,{"aria-labelledby":`defaults-heading`,children:[G(`h2`,{id:`defaults-heading`,children:`Your project defaults`}),G(J,{loaded:t,children:e=>G(y,{children:[G(`label`,{children:[`Default privacy of your new projects`,` `,G(`select`,{value:e.defaultAccess,disabled:a,onChange:e=>o({defaultAccess:e.currentTarget.value}),children:Object.entries(Ye).map(([e,t])=>G(`option`,{value:e,children:t},e))})]}),G(`label`,{class:`inline`,children:[G(`input`,{type:`checkbox`,checked:e.codeSavingEnabled,disabled:a,onChange:e=>o({codeSavingEnabled:e.currentTarget.checked})}),`Save code and git diffs of your runs`]})]})}),i&&G(q,{error:i})]})}function ed(){location.pathname!==`/login`&&Fn(`/login?next=${encodeURIComponent(location.pathname+location.search)}`,!0)}function td(){let{pathname:e,search:t}=In(),n=On(e,t),[r,i]=R(void 0),[a,o]=R(0),s=()=>o(e=>e+1);return z(()=>Le(()=>i(null)),[]),z(()=>{Qe().then(i,()=>i(null))},[a,n.page===`login`]),z(()=>{r===null&&n.page!==`login`&&ed()},[r,n.page]),n.page===`login`?G(Jn,{next:n.next,onSignedIn:()=>{i(void 0),s()}}):r==null?G(Hn,{}):G(y,{children:[G(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),G(nd,{viewer:r,route:n}),G(`main`,{id:`main`,children:G(rd,{route:n,viewer:r,refreshViewer:s})})]})}function nd({viewer:e,route:t}){let n=e.teams.edges.map(e=>e.node.name);return G(`header`,{children:G(`nav`,{"aria-label":`Main`,children:[G(K,{href:`/`,class:`brand`,children:`Labbook`}),G(K,{href:`/${e.username}`,children:`Projects`}),n.map(e=>G(K,{href:`/${e}`,children:e},e)),G(`span`,{class:`spacer`}),G(K,{href:`/settings`,"aria-current":t.page===`settings`?`page`:void 0,children:`Settings`}),G(`span`,{class:`muted`,children:e.username}),G(`button`,{type:`button`,onClick:async()=>{await Be(),Fn(`/login`,!0)},children:`Sign out`})]})})}function rd({route:e,viewer:t,refreshViewer:n}){switch(e.page){case`home`:return G(Yn,{viewer:t,refreshViewer:n});case`entity`:return G(Xn,{name:e.entity});case`project`:return G(iu,{entity:e.entity,project:e.project,view:e.view,viewer:t});case`run`:return G(Au,{entity:e.entity,project:e.project,run:e.run});case`artifactCollection`:return G(Ru,{entity:e.entity,project:e.project,type:e.type,collection:e.collection});case`artifactVersion`:return G(Bu,{entity:e.entity,project:e.project,type:e.type,collection:e.collection,version:e.version});case`team`:return G(Ku,{name:e.team});case`settings`:return G(Zu,{viewer:t,refreshViewer:n});default:return G(Vn,{})}}P(G(td,{}),document.getElementById(`app`));