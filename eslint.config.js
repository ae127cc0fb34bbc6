import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // The core knows nothing of its host: the doors hand it what it needs (CONTRIBUTING.md, "Layout").
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'src/core is host-free: take a callback instead.' },
            {
              name: '@actions/github',
              message: 'src/core is host-free: the action door reads GitHub.'
            }
          ],
          patterns: [
            { group: ['**/action/**', '**/cli/**'], message: 'src/core must not import a door.' }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'src/core is host-free: the door passes the environment it needs.'
        }
      ]
    }
  }
)
