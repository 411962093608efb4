extension Rule {
    static let lateInjection = Rule(
        id: .lateInjection, area: .structure, severity: .warning,
        summary: "The button script is inserted from code that runs after the page may have loaded.",
        explanation: """
            The button script does all its work in `window.onload = function () { … }`. Created in a component \
            lifecycle or a load handler (React `useEffect`, Vue `mounted`/`onMounted`, Svelte `onMount`, Angular \
            `ngOnInit`, `DOMContentLoaded`/`load` listeners, jQuery `$(…)`), or anywhere in component code, it \
            arrives after the load event, assigns a handler that never fires, and no button appears (projects work \
            around it with `location.reload()`). Load `button.min.js` from the HTML page instead, and render only the \
            `class="amocrm_oauth"` element from the component. A classic inline script that builds the tag while \
            the page is still being parsed is fine: a script inserted before the load event delays it.
            """,
        triggering: [
            Example("""
                useEffect(() => {
                  const s = document.createElement('script')
                  s.className = 'amocrm_oauth'
                  s.dataset.clientId = '\(Sample.clientID)'
                  s.dataset.state = state
                  s.src = '«https://www.amocrm.ru/auth/button.min.js»'
                  document.body.appendChild(s)
                }, [state])
                """, file: "Connect.jsx"),
            Example("""
                $(function () {
                  var script = document.createElement("script");
                  script.setAttribute("class", "amocrm_oauth");
                  script.setAttribute("data-client-id", "\(Sample.clientID)");
                  script.setAttribute("data-state", window.amoState);
                  script.src = "«https://www.amocrm.ru/auth/button.min.js»";
                  $("#amo").append(script);
                });
                """, file: "amo.js"),
            Example("""
                export default {
                  mounted() {
                    const el = document.createElement('script')
                    Object.assign(el, { className: 'kommo_oauth', src: '«https://www.kommo.com/auth/button.js»' })
                    Object.assign(el.dataset, { clientId: '\(Sample.clientID)', state: this.state })
                    this.$refs.slot.appendChild(el)
                  },
                }
                """, file: "amo.js"),
        ],
        nonTriggering: [
            Example("""
                <div class="amocrm_oauth" data-client-id="\(Sample.clientID)" data-state="{{ state }}"></div>
                <script>
                  var s = document.createElement('script');
                  s.src = 'https://www.amocrm.ru/auth/button.min.js';
                  document.head.appendChild(s);
                </script>
                """, file: "page.twig"),
            Example("""
                useEffect(() => {
                  const s = document.createElement('script')
                  s.src = 'https://cdn.example.ru/widget.js'
                  document.body.appendChild(s)
                }, [])
                """, file: "Chat.jsx"),
        ])

    static let inertScript = Rule(
        id: .inertScript, area: .structure, severity: .warning,
        summary: "A button `<script>` inserted as HTML text, which browsers never execute.",
        explanation: """
            Scripts in markup assigned to `innerHTML` or `outerHTML`, passed to `insertAdjacentHTML`, or set \
            through React's `dangerouslySetInnerHTML` or Vue's `v-html` are inserted but never run, so no button \
            appears. Load `button.min.js` from the HTML page, and insert only the `class="amocrm_oauth"` element \
            this way if you must. It replaces `jsx-script` on the same tag.
            """,
        triggering: [
            Example("""
                box.innerHTML = '<«script» class="amocrm_oauth" data-client-id="' + clientId + '" data-state="' + state + '" src="https://www.amocrm.ru/auth/button.min.js"></script>';
                """, file: "widget.js"),
            Example("""
                document.body.insertAdjacentHTML('beforeend', `<«script» class="kommo_oauth" data-client-id="${id}" data-state="${state}" src="https://www.kommo.com/auth/button.js"></script>`)
                """, file: "widget.ts"),
            Example("""
                return <div dangerouslySetInnerHTML={{ __html: '<«script» src="https://www.amocrm.ru/auth/button.min.js"></script>' }} />
                """, file: "Amo.tsx"),
        ],
        nonTriggering: [
            Example("""
                box.innerHTML = '<div class="amocrm_oauth" data-client-id="\(Sample.clientID)" data-state="' + state + '"></div>';
                """, file: "widget.js"),
            Example("""
                const s = document.createElement('script');
                s.src = 'https://www.amocrm.ru/auth/button.min.js';
                document.head.appendChild(s);
                """, file: "loader.js"),
        ])
}
