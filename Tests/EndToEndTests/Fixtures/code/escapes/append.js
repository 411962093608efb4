// jQuery вставляет разметку строкой, и скрипт выполняется 🧪
jQuery('body').append("<script data-client-id=\"0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b\" data-state=\"" + state + "\" src=\"https://www.kommo.com/auth/button.js\"></script>");
