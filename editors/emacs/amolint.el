;;; amolint.el --- amolint (amoCRM / Kommo OAuth button) for eglot  -*- lexical-binding: t; -*-

;; Registers `amolint server' with eglot for the modes that hold pages and
;; templates. Load this file, then `M-x eglot' (or `eglot-ensure' in a hook).
;;
;;   (add-to-list 'load-path "/path/to/amolint/editors/emacs")
;;   (require 'amolint)
;;   (add-hook 'mhtml-mode-hook #'eglot-ensure)

;;; Code:

(require 'eglot)

(defgroup amolint nil
  "amolint: catch mistakes in the amoCRM / Kommo OAuth button."
  :group 'tools)

(defcustom amolint-executable "amolint"
  "The amolint executable."
  :type 'string)

(defcustom amolint-modes
  '(html-mode mhtml-mode web-mode php-mode vue-mode twig-mode jinja2-mode
    js-jsx-mode rjsx-mode tsx-ts-mode typescript-tsx-mode
    js-mode js-ts-mode javascript-mode typescript-mode typescript-ts-mode)
  "Major modes in which eglot starts amolint."
  :type '(repeat symbol))

(defun amolint--contact (&optional _interactive)
  "The command that starts the server."
  (list amolint-executable "server"))

(add-to-list 'eglot-server-programs (cons amolint-modes #'amolint--contact))

(provide 'amolint)
;;; amolint.el ends here
